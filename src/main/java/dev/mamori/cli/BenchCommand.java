package dev.mamori.cli;

import dev.mamori.bench.Benchmark;
import dev.mamori.rules.RuleSet;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure detection throughput and scan speed against Tika extraction alone on a generated corpus.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--files", description = "Files in the generated corpus (default ${DEFAULT-VALUE}).")
    int files = 400;

    @Option(names = "--text-mb", description = "MB of text for the detection throughput run (default ${DEFAULT-VALUE}).")
    int textMb = 20;

    @Option(names = {"-t", "--threads"}, description = "Scan threads (default ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rounds", description = "Measured rounds after a warm-up; the best is reported (default ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--agent", description = "Benchmark the background agent instead: alert latency, idle CPU, memory, re-check of an unchanged tree.")
    boolean agent;

    @Option(names = "--per-size", description = "With --agent: files per size class for the latency figures (default ${DEFAULT-VALUE}).")
    int perSize = 20;

    @Option(names = "--idle-seconds", description = "With --agent: how long idle CPU is measured (default ${DEFAULT-VALUE}).")
    int idleSeconds = 60;

    @Option(names = "--tree-files", description = "With --agent: files in the re-check tree (default ${DEFAULT-VALUE}).")
    int treeFiles = 10_000;

    @Option(names = "--large-mb", description = "With --agent: MB of the customer list judged by a separate agent JVM with "
            + "the service units' 256 MB heap, against a list a tenth its size; 0 skips it (default ${DEFAULT-VALUE}).")
    int largeMb = 100;

    @Option(names = "--alerts", paramLabel = "N", description = "Benchmark the auditor's side instead: an alert store of N alerts, report time and search latency.")
    int alerts;

    @Option(names = "--fleet", description = "Benchmark the fleet instead, through the Kafka broker at --bootstrap: the agent's "
            + "Kafka sink, the collector's ingest, then search and a month's report on the collector's store.")
    boolean fleet;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "With --fleet: the Kafka broker (a topic of its own is made).")
    String bootstrap;

    @Option(names = "--fleet-hosts", description = "With --fleet: simulated hosts (default ${DEFAULT-VALUE}).")
    int fleetHosts = 1_000;

    @Option(names = "--fleet-alerts", description = "With --fleet: alerts (default ${DEFAULT-VALUE}).")
    int fleetAlerts = 1_000_000;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        RuleSet set = rules.load(Clock.systemDefaultZone(), new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        if (set == null) {
            return ExitCodes.FATAL;
        }
        if (fleet) {
            if (bootstrap == null || fleetHosts < 1 || fleetAlerts < 1) {
                System.err.println("mamori bench --fleet: needs --bootstrap HOST:PORT (a Kafka broker), and --fleet-hosts and "
                        + "--fleet-alerts of at least 1");
                return ExitCodes.FATAL;
            }
            new dev.mamori.bench.FleetBenchmark(out).run(bootstrap, fleetHosts, fleetAlerts);
        } else if (alerts > 0) {
            new dev.mamori.bench.AlertBenchmark(out).run(alerts);
        } else if (agent) {
            new dev.mamori.bench.AgentBenchmark(set, out).run(perSize, idleSeconds, treeFiles, largeMb);
        } else {
            new Benchmark(set, out).run(files, textMb, threads, rounds);
        }
        return ExitCodes.CLEAN;
    }
}
