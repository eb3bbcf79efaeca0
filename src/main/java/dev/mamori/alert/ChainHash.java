package dev.mamori.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The alert trail's hash chain: record n stores {@code hash(n) = HMAC-SHA256(key, hash(n-1) + "\n" + json(n))}
 * (see {@link ChainKey}) and {@code hash(n-1)} itself. Changing, removing, inserting or reordering
 * any record breaks the chain from that record on; an auditor who keeps a copy of the head (every
 * sink receives it) can also detect truncation. {@link #of} is the plain SHA-256 of stores written
 * before chains were keyed, and what someone without the key would compute.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String previous, String json) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(previous.getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '\n');
            md.update(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** One stored record as read back. */
    record Link(long seq, String json, String prev, String hash) {
    }

    /**
     * @param ok        the whole chain holds
     * @param records   records checked
     * @param head      "seq:hash" of the last record
     * @param problem   the first break, or null
     */
    public record Verification(boolean ok, long records, String head, String problem, boolean contentChecked) {
        public Verification(boolean ok, long records, String head, String problem) {
            this(ok, records, head, problem, true);
        }

        /** A break found before or without reading every record (a damaged segment, say). */
        static Verification broken(long goodRecords, String problem) {
            return new Verification(false, goodRecords, null, problem, true);
        }
    }

    /**
     * @param keptHead "seq:hash" an auditor kept outside, or null: the chain must contain it
     * @param key      the chain's key, or null when the reader cannot have it: then only numbering,
     *                 links and the kept head are checked, and the result says the content was not
     *                 ({@link Verification#contentChecked()} false), since anyone who can write the
     *                 store could have recomputed the hashes
     */
    static Verification verify(List<Link> links, String keptHead, ChainKey key) {
        Verifier v = new Verifier(keptHead, key);
        for (Link l : links) {
            if (!v.add(l)) {
                break;
            }
        }
        return v.result();
    }

    /**
     * The chain checked record by record, in order of number, so that a store of any size is
     * checked in the memory of one record. Not thread-safe.
     */
    static final class Verifier {
        private final ChainKey key;
        private final long keptSeq;
        private final String keptHash;
        private String previous = GENESIS;
        private long expected = 1;
        private Verification broken;

        Verifier(String keptHead, ChainKey key) {
            this.key = key;
            this.keptSeq = keptHead == null ? -1 : Long.parseLong(keptHead.substring(0, keptHead.indexOf(':')));
            this.keptHash = keptHead == null ? null : keptHead.substring(keptHead.indexOf(':') + 1);
        }

        /** Checks the next record; false once the chain is broken (later records are not looked at). */
        boolean add(Link l) {
            if (broken != null) {
                return false;
            }
            broken = problem(l);
            if (broken != null) {
                return false;
            }
            previous = l.hash();
            expected++;
            return true;
        }

        private Verification problem(Link l) {
            if (l.prev() == null || l.hash() == null) {
                return new Verification(false, expected - 1, null, "record " + l.seq() + " has no chain hash (written by an older version or inserted)");
            }
            if (l.seq() < expected) {
                return new Verification(false, expected - 1, null, "record " + l.seq() + " appears twice: a record was inserted");
            }
            if (l.seq() > expected) {
                return new Verification(false, expected - 1, null, "record " + expected + " is missing: removed"
                        + (l.seq() - expected > 1 ? " (records " + expected + " to " + (l.seq() - 1) + ")" : ""));
            }
            if (!l.prev().equals(previous)) {
                return new Verification(false, expected - 1, null, "record " + l.seq()
                        + " does not follow record " + (l.seq() - 1) + ": records were removed, inserted or reordered");
            }
            if (key != null && !key.of(l.prev(), l.json()).equals(l.hash())) {
                return new Verification(false, expected - 1, null, "record " + l.seq() + (of(l.prev(), l.json()).equals(l.hash())
                        ? " was hashed without the chain key: recomputed by someone who does not hold the key (or written before chains were keyed)"
                        : " was changed after it was written"));
            }
            if (l.seq() == keptSeq && !l.hash().equals(keptHash)) {
                return new Verification(false, expected - 1, null, "record " + l.seq()
                        + " does not match the kept head: the chain was rewritten up to it");
            }
            return null;
        }

        Verification result() {
            if (broken != null) {
                return broken;
            }
            if (keptSeq > expected - 1) {
                return new Verification(false, expected - 1, null, "the kept head is record " + keptSeq + " but the chain ends at "
                        + (expected - 1) + ": records were removed from the end");
            }
            return new Verification(true, expected - 1, (expected - 1) + ":" + previous, null, key != null);
        }
    }
}
