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

    @Option(names = "--alerts", paramLabel = "N", description = "Benchmark the auditor's side instead: an alert store of N alerts, report time and search latency.")
    int alerts;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        RuleSet set = rules.load(Clock.systemDefaultZone(), new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        if (set == null) {
            return ExitCodes.FATAL;
        }
        if (alerts > 0) {
            new dev.mamori.bench.AlertBenchmark(out).run(alerts);
        } else if (agent) {
            new dev.mamori.bench.AgentBenchmark(set, out).run(perSize, idleSeconds, treeFiles);
        } else {
            new Benchmark(set, out).run(files, textMb, threads, rounds);
        }
        return ExitCodes.CLEAN;
    }
}
