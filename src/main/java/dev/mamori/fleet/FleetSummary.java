package dev.mamori.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.alert.Alert;
import dev.mamori.alert.HealthProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet section of a report, from the alerts of a (collector's) store: per host its alerts,
 * when it was last heard of, whether it has been silent longer than the limit, the rule packs its
 * newest alert was judged with, and which of those are older than the newest version of the same
 * pack anywhere in the fleet. A host is heard of through its own alerts (personal-data and its
 * agent's health alerts); the collector's findings about a host do not count, they are not the
 * host speaking. Rows are sorted by host name.
 */
public final class FleetSummary {

    /**
     * @param host      host name
     * @param alerts    personal-data alerts
     * @param health    health alerts (the agent's own and the collector's findings)
     * @param lastSeen  time of its newest own alert
     * @param silent    lastSeen is longer ago than the limit
     * @param packs     "name version" of the packs its newest alert was judged with
     * @param oldPacks  those of its packs older than the fleet's newest of that name
     * @param department its department ({@link Departments#UNASSIGNED} when the file does not list it)
     */
    public record Host(String host, long alerts, long health, Instant lastSeen, boolean silent, List<String> packs,
                       List<String> oldPacks, String department) {
    }

    /**
     * One department's hosts added up.
     *
     * @param hosts    hosts in the store that the department holds
     * @param alerts   their personal-data alerts
     * @param silent   of them, silent longer than the limit
     * @param oldPacks of them, on packs older than the fleet's newest
     */
    public record Department(String name, long hosts, long alerts, long silent, long oldPacks) {
    }

    private final List<Host> hosts;
    private final Map<String, String> newest;

    private FleetSummary(List<Host> hosts, Map<String, String> newest) {
        this.hosts = List.copyOf(hosts);
        this.newest = newest;
    }

    public List<Host> hosts() {
        return hosts;
    }

    /** The newest version of each pack name seen in the fleet. */
    public Map<String, String> newestPacks() {
        return newest;
    }

    public static FleetSummary of(List<Alert> alerts, Instant now, Duration silentAfter) {
        return of(alerts, now, silentAfter, Departments.none());
    }

    /** Per department, sorted by name (the unassigned hosts last). */
    public List<Department> departments() {
        Map<String, Department> out = new TreeMap<>((a, b) -> a.equals(b) ? 0 : a.equals(Departments.UNASSIGNED) ? 1
                : b.equals(Departments.UNASSIGNED) ? -1 : a.compareTo(b));
        for (Host h : hosts) {
            out.merge(h.department(), new Department(h.department(), 1, h.alerts(), h.silent() ? 1 : 0, h.oldPacks().isEmpty() ? 0 : 1),
                    (x, y) -> new Department(x.name(), x.hosts() + y.hosts(), x.alerts() + y.alerts(), x.silent() + y.silent(),
                            x.oldPacks() + y.oldPacks()));
        }
        return List.copyOf(out.values());
    }

    public static FleetSummary of(List<Alert> alerts, Instant now, Duration silentAfter, Departments departments) {
        Builder b = new Builder();
        alerts.forEach(b::add);
        return b.build(now, silentAfter, departments);
    }

    /**
     * Adds alerts up one by one, in any order, keeping per host only its counts and its newest own
     * alert's time and packs: a million alerts cost a few hundred bytes per host. Not thread-safe.
     */
    public static final class Builder {
        private static final class Tally {
            long alerts;
            long health;
            Alert latest;
        }

        private final Map<String, Tally> byHost = new TreeMap<>();

        public void add(Alert a) {
            Tally t = byHost.computeIfAbsent(a.host(), h -> new Tally());
            if (a.isHealth()) {
                t.health++;
            } else {
                t.alerts++;
            }
            if (fromHost(a) && (t.latest == null || a.time().isAfter(t.latest.time()))) {
                t.latest = a;
            }
        }

        public FleetSummary build(Instant now, Duration silentAfter, Departments departments) {
            Map<String, String> newest = new TreeMap<>();
            byHost.values().stream().filter(t -> t.latest != null).forEach(t -> t.latest.packs().forEach(p ->
                    newest.merge(name(p), version(p), (x, y) -> compareVersions(x, y) >= 0 ? x : y)));
            List<Host> rows = new ArrayList<>();
            byHost.forEach((host, t) -> {
                Alert last = t.latest;
                List<String> packs = last == null ? List.of() : last.packs();
                rows.add(new Host(host, t.alerts, t.health, last == null ? null : last.time(),
                        last == null || last.time().isBefore(now.minus(silentAfter)), packs,
                        packs.stream().filter(p -> compareVersions(version(p), newest.get(name(p))) < 0).toList(),
                        departments.of(host)));
            });
            return new FleetSummary(rows, newest);
        }
    }

    private static boolean fromHost(Alert a) {
        return !(a.isHealth() && HealthProblem.of(a) == HealthProblem.SEQUENCE_BROKEN);
    }

    static String name(String pack) {
        int sp = pack.lastIndexOf(' ');
        return sp < 0 ? pack : pack.substring(0, sp);
    }

    static String version(String pack) {
        int sp = pack.lastIndexOf(' ');
        return sp < 0 ? "" : pack.substring(sp + 1);
    }

    /** Versions such as {@code 2026.11.1} or {@code 3}: numeric parts compared as numbers, others as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}") ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** One line per host, for a terminal. */
    public String toText() {
        StringBuilder b = new StringBuilder(String.format("%-24s %-16s %8s %7s  %-20s  %s%n", "HOST", "DEPARTMENT", "ALERTS",
                "HEALTH", "LAST SEEN", "PACKS"));
        for (Host h : hosts) {
            b.append(String.format("%-24s %-16s %8d %7d  %-20s  %s%s%s%n", h.host(), h.department(), h.alerts(), h.health(),
                    h.lastSeen() == null ? "-" : h.lastSeen().toString().substring(0, 19) + "Z", String.join(", ", h.packs()),
                    h.oldPacks().isEmpty() ? "" : "  OLD: " + String.join(", ", h.oldPacks()), h.silent() ? "  SILENT" : ""));
        }
        long silent = hosts.stream().filter(Host::silent).count();
        long old = hosts.stream().filter(h -> !h.oldPacks().isEmpty()).count();
        b.append(hosts.size()).append(" host(s), ").append(silent).append(" silent, ").append(old).append(" on old packs\n");
        b.append(String.format("%n%-16s %6s %8s %7s %10s%n", "DEPARTMENT", "HOSTS", "ALERTS", "SILENT", "OLD PACKS"));
        for (Department d : departments()) {
            b.append(String.format("%-16s %6d %8d %7d %10d%n", d.name(), d.hosts(), d.alerts(), d.silent(), d.oldPacks()));
        }
        return b.toString();
    }

    public ObjectNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        ObjectNode packs = o.putObject("newest_packs");
        newest.forEach(packs::put);
        ArrayNode rows = o.putArray("hosts");
        for (Host h : hosts) {
            ObjectNode r = rows.addObject();
            r.put("host", h.host()).put("department", h.department()).put("alerts", h.alerts()).put("health", h.health())
                    .put("last_seen", h.lastSeen() == null ? null : h.lastSeen().toString()).put("silent", h.silent());
            h.packs().forEach(r.putArray("packs")::add);
            h.oldPacks().forEach(r.putArray("old_packs")::add);
        }
        ArrayNode depts = o.putArray("departments");
        for (Department d : departments()) {
            depts.addObject().put("department", d.name()).put("hosts", d.hosts()).put("alerts", d.alerts())
                    .put("silent", d.silent()).put("old_packs", d.oldPacks());
        }
        return o;
    }
}
