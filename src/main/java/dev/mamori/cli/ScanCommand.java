package dev.mamori.cli;

import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.rules.RuleSet;
import dev.mamori.scan.ScanSummary;
import dev.mamori.scan.Scanner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan files and folders for personal information and confidential markings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing sensitive found, and every document was read completely",
                "1:sensitive content found (severity low or higher; the default policy gives documents not read"
                        + " completely severity medium)",
                "2:usage or fatal error (a path that does not exist, a bad option or limit, a bad rule pack,"
                        + " output that cannot be written)",
                "3:nothing sensitive found, but some documents could not be read completely (possible only with"
                        + " a policy that gives them severity none)"})
final class ScanCommand implements Callable<Integer> {

    enum Format { text, jsonl, csv }

    enum Isolation { process, in_process }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan (folders recursively).")
    List<Path> paths;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of standard output.")
    Path output;

    @Mixin
    RulesOption rules;

    @Option(names = {"-t", "--threads"}, description = "Files scanned in parallel (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--isolation", defaultValue = "process",
            description = "Parse files in supervised worker processes (process, default) or in this JVM (in_process: faster start, but a hostile file can exhaust memory or hang).")
    Isolation isolation;

    @Option(names = "--max-bytes", paramLabel = "BYTES",
            description = "Bytes read from each file on disk; archive members are bounded by --max-chars, --max-members and --timeout (default ${DEFAULT-VALUE}).")
    long maxBytes = ExtractionLimits.defaults().maxBytes();

    @Option(names = "--max-chars", paramLabel = "CHARS", description = "Characters of text kept per file (default ${DEFAULT-VALUE}).")
    int maxChars = ExtractionLimits.defaults().maxChars();

    @Option(names = "--max-depth", description = "Archive and attachment nesting opened (default ${DEFAULT-VALUE}).")
    int maxDepth = ExtractionLimits.defaults().maxDepth();

    @Option(names = "--max-members", description = "Documents opened inside one file (default ${DEFAULT-VALUE}).")
    int maxMembers = ExtractionLimits.defaults().maxMembers();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Wall time per file, enforced by stopping the worker process; not enforced with --isolation in_process (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = ExtractionLimits.defaults().timeout().toSeconds();

    @Option(names = "--worker-heap", paramLabel = "MB", description = "Heap of each worker process (default ${DEFAULT-VALUE}).")
    int workerHeapMb = ExtractionLimits.defaults().workerHeapMb();

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar (default: only on a terminal).")
    Boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "No summary table; results only.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        String usage = ScanOptionCheck.problem(this);
        if (usage != null) {
            err.println("mamori scan: " + usage);
            return ExitCodes.FATAL;
        }
        RuleSet ruleSet = rules.load(Clock.systemDefaultZone(), err);
        if (ruleSet == null) {
            return ExitCodes.FATAL;
        }
        ExtractionLimits limits = new ExtractionLimits(maxBytes, maxChars, maxDepth, maxMembers,
                Duration.ofSeconds(timeoutSeconds), workerHeapMb);
        OutputStream stream;
        try {
            stream = output == null ? nonClosing(System.out) : Files.newOutputStream(output);
        } catch (IOException e) {
            err.println("mamori scan: cannot write results to " + output + ": " + ScanOptionCheck.brief(e));
            return ExitCodes.FATAL;
        }
        boolean showProgress = progress != null ? progress : System.console() != null;
        Extractor extractor = isolation == Isolation.process ? new ForkedExtractor(limits) : new TikaExtractor(limits);
        PrintWriter[] text = new PrintWriter[1];
        ScanSummary summary;
        try (OutputStream out = stream;
             LineGuard writer = new LineGuard(writer(out, text), err);
             Scanner scanner = new Scanner(ruleSet, extractor, threads, Clock.systemDefaultZone())) {
            long total = showProgress ? scanner.count(paths) : -1;
            summary = scanner.scan(paths, r -> {
                try {
                    writer.write(r);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, showProgress ? new ProgressBar(System.err) : (done, all) -> { }, total);
            writer.finish(summary);
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            err.println("mamori scan: cannot write results" + (output == null ? "" : " to " + output) + ": "
                    + ScanOptionCheck.brief(cause));
            return ExitCodes.FATAL;
        }
        if (text[0] != null && text[0].checkError()) { // a PrintWriter keeps its write errors to itself
            err.println("mamori scan: cannot write results" + (output == null ? "" : " to " + output)
                    + ": the output failed (disk full?)");
            return ExitCodes.FATAL;
        }
        if (!quiet && (format != Format.text || output != null)) {
            SummaryPrinter.print(summary, err);
        }
        return exitCode(summary);
    }

    /** Sensitive beats not-fully-read beats clean: 0 only when every document was read and is clean. */
    static int exitCode(ScanSummary summary) {
        if (summary.sensitive()) {
            return ExitCodes.SENSITIVE;
        }
        return summary.uninspectable() > 0 ? ExitCodes.NOT_ALL_INSPECTED : ExitCodes.CLEAN;
    }

    private ResultWriter writer(OutputStream stream, PrintWriter[] text) throws IOException {
        if (format == Format.csv && output != null) {
            stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel in Japan reads UTF-8 then
        }
        var w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        return switch (format) {
            case jsonl -> new JsonlResultWriter(w);
            case csv -> new CsvResultWriter(w);
            case text -> new TextResultWriter(text[0] = new PrintWriter(w), !quiet);
        };
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
