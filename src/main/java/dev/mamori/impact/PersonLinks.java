package dev.mamori.impact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Distinct persons across records and files: each record's identifying pairs (name with birth
 * date, with address, with phone) are hashed under a key that exists only in this object's
 * memory, and records that share any pair are joined, transitively (union-find). The count does
 * not depend on the order records arrive in. Not thread-safe: one counter feeds it.
 */
final class PersonLinks {

    private final Mac mac;
    private final Map<String, Integer> idOfPair = new HashMap<>();
    private int[] parent = new int[1024];
    private int size;
    private int components;

    PersonLinks() {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    }

    /** One person record, by its identifying pairs (raw: hashed here at once, never kept). */
    void add(List<String> pairs) {
        int first = -1;
        for (String pair : pairs) {
            int id = id(java.util.HexFormat.of().formatHex(mac.doFinal(pair.getBytes(StandardCharsets.UTF_8))));
            if (first < 0) {
                first = id;
            } else {
                union(first, id);
            }
        }
    }

    int persons() {
        return components;
    }

    private int id(String hash) {
        Integer known = idOfPair.get(hash);
        if (known != null) {
            return known;
        }
        if (size == parent.length) {
            parent = Arrays.copyOf(parent, size * 2);
        }
        parent[size] = size;
        idOfPair.put(hash, size);
        components++;
        return size++;
    }

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
            components--;
        }
    }
}
