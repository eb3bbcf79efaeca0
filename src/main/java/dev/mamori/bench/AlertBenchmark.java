package dev.mamori.bench;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.report.HtmlReport;
import dev.mamori.report.Messages;
import dev.mamori.report.ReportData;
import dev.mamori.verdict.Severity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** The auditor's side at scale: an alert store of N alerts over 30 days; report time and search latency. */
public final class AlertBenchmark {

    private final PrintWriter out;

    public AlertBenchmark(PrintWriter out) {
        this.out = out;
    }

    private static Map<String, Integer> counts(String type, Random r) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        counts.put("PERSON_NAME", 1 + r.nextInt(50));
        counts.merge(type, 1 + r.nextInt(50), Integer::sum);
        return counts;
    }

    public void run(int alerts) throws Exception {
        Path dir = Files.createTempDirectory("mamori-alert-bench");
        try {
            Random r = new Random(5);
            long t0 = System.nanoTime();
            try (AlertStore store = new AlertStore(dir)) {
                List<Alert> batch = new ArrayList<>();
                for (int i = 0; i < alerts; i++) {
                    batch.add(synthetic(r, i, "pc-" + r.nextInt(200)));
                    if (batch.size() == 10_000) {
                        store.appendAll(batch);
                        batch.clear();
                    }
                }
                store.appendAll(batch);
            }
            out.printf(Locale.ROOT, "alert store: %d alerts written in %.1f s%n", alerts, (System.nanoTime() - t0) / 1e9);

            searchAndReport(dir, out, "pc-7");
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
        }
        out.flush();
    }

    private static final String[] TYPES = {"PHONE_NUMBER", "PERSON_NAME", "STREET_ADDRESS", "EMAIL_ADDRESS", "DATE_OF_BIRTH",
            "JAPAN_INDIVIDUAL_NUMBER", "CREDIT_CARD_NUMBER", "CONFIDENTIAL_MARKER"};
    private static final ExitPointKind[] EXITS = {ExitPointKind.USB, ExitPointKind.CLOUD_SYNC, ExitPointKind.OUTBOX,
            ExitPointKind.WATCHED};
    private static final Severity[] SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH};
    /** The month the synthetic alerts fall in. */
    static final Instant MONTH = LocalDate.of(2026, 11, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** A synthetic alert of {@code host}, somewhere in November 2026, shaped like the agent's (masked samples only). */
    static Alert synthetic(Random r, long i, String host) {
        String type = TYPES[r.nextInt(TYPES.length)];
        return new Alert(0, UUID.randomUUID().toString(), MONTH.plusSeconds(r.nextInt(30 * 86_400)),
                host, "user" + r.nextInt(300), "/home/u/docs/file-" + i + ".xlsx",
                EXITS[r.nextInt(EXITS.length)], Long.toHexString(i), 10_000 + r.nextInt(1_000_000),
                SEVERITIES[r.nextInt(3)], counts(type, r),
                r.nextInt(60), List.of("090-****-" + (1000 + r.nextInt(9000))), List.of("jp-phone", "jp-name"),
                r.nextInt(100) == 0, AlertAction.ALERT, null, "bench", List.of("jp-pii 1"));
    }

    /** Search latency (p50, p95 of 21 runs) for an auditor's typical queries (one host's among them), and the time of a month's report. */
    static void searchAndReport(Path dir, PrintWriter out, String someHost) throws Exception {
        for (String q : List.of("type:JAPAN_INDIVIDUAL_NUMBER AND exit:usb AND severity:high",
                "date:[2026-11-10 TO 2026-11-12]", "host:" + someHost, "appi:true")) {
            List<Long> micros = new ArrayList<>();
            int hits = 0;
            for (int i = 0; i < 21; i++) {
                long s = System.nanoTime();
                hits = AlertStore.searchReadOnly(dir, q, 100).size();
                micros.add((System.nanoTime() - s) / 1_000);
            }
            Collections.sort(micros);
            out.printf(Locale.ROOT, "alerts search %-58s p50 %6.1f ms  p95 %6.1f ms  (first 100 of the hits: %d)%n", "'" + q + "'",
                    micros.get(10) / 1000.0, micros.get(19) / 1000.0, hits);
        }
        long s = System.nanoTime();
        LocalDate first = LocalDate.of(2026, 11, 1);
        LocalDate last = LocalDate.of(2026, 11, 30);
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Tokyo");
        // as 'mamori report' does: the month added up a page at a time, the page lists the most severe
        dev.mamori.report.ReportTally month = new dev.mamori.report.ReportTally(first, last, zone, HtmlReport.TABLE_LIMIT);
        AlertStore.forEachReadOnly(dir, "date:[2026-10-31 TO 2026-12-01]", month::add);
        ChainHash.Verification chain = AlertStore.verify(dir, null);
        String html = new HtmlReport(Messages.of("ja")).render(new ReportData(month, AlertStore.triageState(dir),
                List.of("bench"), chain, java.util.Map.of(),
                dev.mamori.report.AppiAssessor.assess(month.appiCandidates(), a -> java.util.Optional.empty(), null),
                "report-alerts.csv"));
        out.printf(Locale.ROOT, "report of a month, %d alerts (its days in Asia/Tokyo; read, chain check, HTML of %.2f MB): %.1f s%n", month.total(),
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6, (System.nanoTime() - s) / 1e9);
    }
}
