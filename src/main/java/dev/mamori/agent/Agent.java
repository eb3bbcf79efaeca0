package dev.mamori.agent;

import dev.mamori.alert.Alert;
import dev.mamori.alert.HealthProblem;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Delivery;
import dev.mamori.alert.JsonlSink;
import dev.mamori.alert.Sink;
import dev.mamori.alert.SyslogSink;
import dev.mamori.alert.WebhookSink;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.platform.ExitPoints;
import dev.mamori.platform.OwnerOnly;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.quarantine.QuarantineRecord;
import dev.mamori.rules.RuleSet;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ResultJson;
import dev.mamori.state.ContentHash;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Severity;
import dev.mamori.watch.Place;
import dev.mamori.watch.TreeWatcher;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background agent: watches places, scans what arrives (file → text → findings → verdict),
 * remembers each file's state, raises alerts (stored first, then delivered) and quarantines when
 * the policy says so. Bounded everywhere: worker threads, the queue (a full queue pauses the
 * watcher), file size, time per file, heap per parser.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    /** What the agent needs from outside, injected so tests can run it on temporary folders. */
    public record Environment(ExitPoints exitPoints, Clock clock, String host, String user, String version) {
    }

    private record Task(Path file, Place place) {
    }

    private final AgentConfig config;
    private final Environment env;
    private final RuleSet rules;
    private final AgentStatus status;
    private final BlockingQueue<Task> queue;
    private final Set<Path> queuedPaths = ConcurrentHashMap.newKeySet();
    private final Map<Path, Place> places = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mamori-timers");
        t.setDaemon(true);
        return t;
    });
    private StateStore state;
    private AlertStore alertStore;
    private Quarantine quarantine;
    private Extractor extractor;
    private volatile DocumentAnalyzer analyzer;
    /** "name version" of the packs {@link #analyzer} judges with, recorded in every alert. */
    private volatile List<String> packs;
    private TreeWatcher watcher;
    private volatile boolean running;
    /** Files taken from the queue whose judgement (alert included) has not ended yet. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong uncommitted = new java.util.concurrent.atomic.AtomicLong();

    public Agent(AgentConfig config, RuleSet rules, Environment env) {
        this(config, rules, env, new AgentStatus());
    }

    /** An agent that carries on the counters and problems of {@code status} (a predecessor's, on reload). */
    public Agent(AgentConfig config, RuleSet rules, Environment env, AgentStatus status) {
        this.status = status;
        this.config = config;
        this.rules = rules;
        this.env = env;
        this.queue = new ArrayBlockingQueue<>(config.scan().queueSize());
    }

    public boolean running() {
        return running;
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    long watcherDeleted() {
        return watcher == null ? 0 : watcher.deletedBeforeScan();
    }

    public AgentStatus status() {
        return status;
    }

    /** The places watched now, by path. */
    List<Place> placesWatched() {
        return places.values().stream().sorted(java.util.Comparator.comparing(p -> p.root().toString())).toList();
    }

    /** Opens the stores, starts delivery, scanning and watching, and checks every place once. */
    public synchronized void start() throws IOException {
        Path data = OwnerOnly.directory(config.dataDir());
        state = new StateStore(OwnerOnly.directory(data.resolve("state")));
        alertStore = new AlertStore(OwnerOnly.directory(data.resolve("alerts")));
        quarantine = new Quarantine(OwnerOnly.directory(data.resolve("quarantine")), env.clock());
        var s = config.scan();
        ExtractionLimits limits = new ExtractionLimits(s.maxFileBytes(), ExtractionLimits.defaults().maxChars(),
                ExtractionLimits.defaults().maxDepth(), ExtractionLimits.defaults().maxMembers(), s.timeout(), s.workerHeapMb());
        extractor = s.isolated() ? new ForkedExtractor(limits) : new TikaExtractor(limits);
        analyzer = new DocumentAnalyzer(rules);
        packs = rules.packVersions();
        running = true;
        for (Sink sink : sinks()) {
            Delivery d = new Delivery(alertStore, sink, data.resolve("positions"), config.alerts().retry(),
                    config.alerts().spoolMax());
            deliveries.add(d);
            startThread("mamori-deliver-" + sink.name(), d);
        }
        for (int i = 0; i < s.workers(); i++) {
            startThread("mamori-scan-" + i, this::scanLoop);
        }
        watcher = new TreeWatcher(FileSystems.getDefault().newWatchService(), config.watch().debounce(),
                new TreeWatcher.Listener() {
                    @Override
                    public void settled(Path file, Place place) {
                        enqueue(file, place);
                    }

                    @Override
                    public void rescan(Place place) {
                        places.put(place.root(), place);
                        timers.execute(() -> walk(place));
                    }
                });
        for (Place p : placesToWatch()) {
            watcher.watch(p);
        }
        if (config.watch().removableMedia()) {
            for (Path parent : env.exitPoints().mountParents()) {
                watcher.watchMountParent(parent, root -> new Place(root, "usb"));
            }
        }
        startThread("mamori-watch", watcher);
        timers.scheduleWithFixedDelay(this::housekeeping, 1, 1, TimeUnit.SECONDS);
        long rescanHours = config.watch().rescanEvery().toHours();
        if (rescanHours > 0) {
            timers.scheduleWithFixedDelay(() -> places.values().forEach(this::walk), rescanHours, rescanHours, TimeUnit.HOURS);
        }
        LOG.info("agent started: {} places, {} sink(s), {} worker(s)", places.size(), deliveries.size(), s.workers());
    }

    private List<Place> placesToWatch() {
        Map<Path, Place> out = new LinkedHashMap<>();
        config.watch().paths().forEach(p -> out.put(p, new Place(p, "watched")));
        config.watch().outboxes().forEach(p -> out.put(p, new Place(p, "outbox")));
        if (config.watch().cloudSync()) {
            env.exitPoints().cloudSyncRoots().forEach(p -> out.put(p, new Place(p, "cloud-sync")));
        }
        if (config.watch().removableMedia()) {
            env.exitPoints().removableRoots().forEach(p -> out.put(p, new Place(p, "usb")));
        }
        out.values().removeIf(p -> {
            if (!Files.isDirectory(p.root())) {
                LOG.warn("not watching {}: no such folder", p.root());
                return true;
            }
            return false;
        });
        return new ArrayList<>(out.values());
    }

    private List<Sink> sinks() throws IOException {
        List<Sink> sinks = new ArrayList<>();
        var a = config.alerts();
        if (a.jsonl() != null) {
            sinks.add(new JsonlSink(a.jsonl()));
        }
        // the sinks that leave the machine
        List<Sink> remote = new ArrayList<>();
        if (a.syslogHost() != null) {
            remote.add(new SyslogSink(a.syslogHost(), a.syslogPort(), a.syslogTcp(), env.host()));
        }
        if (a.webhookUrl() != null) {
            remote.add(new WebhookSink(a.webhookUrl(), a.webhookTimeout(), a.webhookHeaders()));
        }
        if (a.kafka() != null) {
            remote.add(new dev.mamori.fleet.KafkaSink(a.kafka(), "mamori-" + env.host(), alertStore::alertBefore));
        }
        remote.forEach(s -> sinks.add(a.maskFileNames() ? new dev.mamori.alert.MaskedPathSink(s) : s));
        return sinks;
    }

    private void startThread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /**
     * Checks every file of a place, registering its folders with the watcher on the way: files the
     * state store remembers with the same size and modification time (one snapshot of the place,
     * read in a single pass) are passed over right here; the others are queued for scanning.
     */
    private void walk(Place place) {
        String prefix = place.root().toAbsolutePath().toString();
        Map<String, long[]> known = state.snapshot(prefix);
        try {
            Files.walkFileTree(place.root(), new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    watcher.register(dir, place);
                    return running ? java.nio.file.FileVisitResult.CONTINUE : java.nio.file.FileVisitResult.TERMINATE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !f.getFileName().toString().endsWith(Quarantine.NOTE_SUFFIX)) {
                        long[] seen = known.get(f.toAbsolutePath().toString());
                        if (seen != null && seen[0] == attrs.size() && seen[1] == attrs.lastModifiedTime().toMillis()) {
                            status.unchanged.incrementAndGet();
                        } else {
                            enqueue(f, place);
                        }
                    }
                    return running ? java.nio.file.FileVisitResult.CONTINUE : java.nio.file.FileVisitResult.TERMINATE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            status.resolved(HealthProblem.WALK_FAILED, place.root().toString());
        } catch (IOException | java.io.UncheckedIOException e) {
            status.problem(HealthProblem.WALK_FAILED, place.root().toString(), "cannot walk " + place.root() + ": "
                    + e.getMessage(), env.clock().instant());
        }
    }

    /** Queues a file for scanning; blocks while the queue is full (back-pressure on discovery). */
    private void enqueue(Path file, Place place) {
        if (!running || file.getFileName().toString().endsWith(Quarantine.NOTE_SUFFIX) || !queuedPaths.add(file)) {
            return;
        }
        try {
            queue.put(new Task(file, place));
            status.queued.set(queue.size());
        } catch (InterruptedException e) {
            queuedPaths.remove(file);
            Thread.currentThread().interrupt();
        }
    }

    private void scanLoop() {
        while (running) {
            Task task;
            try {
                task = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                continue;
            }
            inFlight.incrementAndGet(); // before the path leaves queuedPaths, so awaitIdle never sees a gap
            queuedPaths.remove(task.file());
            status.queued.set(queue.size());
            try {
                scan(task);
            } catch (IOException | RuntimeException e) {
                status.error(task.file() + ": " + e.getMessage(), env.clock().instant());
                LOG.warn("{}: {}", task.file(), e.toString());
            } finally {
                inFlight.decrementAndGet();
            }
            pause();
        }
    }

    private void pause() {
        long ms = config.scan().pause().toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One file: skip if unchanged, reuse the verdict of the same content, else extract and judge. */
    void scan(Task task) throws IOException {
        Path file = task.file();
        String key = file.toAbsolutePath().toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException gone) {
            status.vanished.incrementAndGet();
            state.remove(key);
            return;
        }
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        if (state.unchanged(key, size, mtime)) {
            status.unchanged.incrementAndGet();
            return;
        }
        status.scanned.incrementAndGet();
        List<DocumentResult> results;
        String sha = "";
        if (size > config.scan().maxFileBytes()) {
            results = List.of(analyzer.analyze(ExtractedDocument.failed(key, ExtractionStatus.SKIPPED,
                    "larger than scan.max-file-mb (" + size + " bytes)")));
            status.skipped.incrementAndGet();
        } else {
            sha = ContentHash.sha256(file);
            var same = state.byHash(sha);
            if (same.isPresent() && same.get().size() == size) {
                results = rebased(same.get(), key); // a renamed or copied file: no need to read it again
                status.reused.incrementAndGet();
            } else {
                results = new ArrayList<>();
                for (ExtractedDocument doc : extractor.extract(file, key)) {
                    results.add(analyzer.analyze(doc));
                }
                status.extracted.incrementAndGet();
            }
        }
        Severity worst = results.stream().map(r -> r.verdict().severity()).max(Enum::compareTo).orElse(Severity.NONE);
        var json = ResultJson.JSON.createArrayNode();
        results.forEach(r -> json.add(ResultJson.toJson(r)));
        state.put(new FileState(key, size, mtime, sha, env.clock().instant(), worst.label(), json.toString()));
        uncommitted.incrementAndGet();
        act(task, results, sha, size, worst);
    }

    private List<DocumentResult> rebased(FileState same, String newPath) throws IOException {
        List<DocumentResult> out = new ArrayList<>();
        for (var node : ResultJson.JSON.readTree(same.resultsJson())) {
            DocumentResult r = ResultJson.fromJson(node);
            String member = r.path().startsWith(same.path()) ? r.path().substring(same.path().length()) : "";
            out.add(new DocumentResult(newPath + member, r.status(), r.reason(), r.contentType(), 0, r.verdict()));
        }
        return out;
    }

    /** Alerts for documents at or above the alert severity; quarantine when the policy says so. */
    private void act(Task task, List<DocumentResult> results, String sha, long size, Severity worst) throws IOException {
        var actions = config.actions();
        QuarantineRecord q = null;
        if (actions.quarantineMin() != null && worst.compareTo(actions.quarantineMin()) >= 0
                && actions.quarantineExitPoints().contains(task.place().kind()) && Files.exists(task.file())) {
            q = quarantine.quarantine(task.file(), reason(results, worst));
            state.remove(task.file().toAbsolutePath().toString());
            status.quarantined.incrementAndGet();
            LOG.warn("quarantined {} as {}", task.file(), q.id());
        }
        for (DocumentResult r : results) {
            if (r.verdict().severity().compareTo(actions.alertMin()) < 0 || r.verdict().severity() == Severity.NONE) {
                continue;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<String> samples = new ArrayList<>();
            List<String> ruleIds = new ArrayList<>();
            for (FindingSummary f : r.verdict().findings()) {
                counts.merge(f.type(), f.count(), Integer::sum);
                ruleIds.add(f.rule());
                f.samples().stream().limit(2).forEach(samples::add);
            }
            Alert alert = new Alert(0, UUID.randomUUID().toString(), env.clock().instant(), env.host(), env.user(), r.path(),
                    task.place().kind(), sha, size, r.verdict().severity().label(), counts, r.verdict().records(), samples,
                    ruleIds, r.verdict().flags().contains("appi-reportable"), q != null ? "quarantine" : "alert",
                    q != null ? q.id() : null, env.version(), packs);
            alertStore.append(alert);
            status.alerts.incrementAndGet();
            if (actions.notifyDesktop()) {
                DesktopNotifier.notify(env.exitPoints().os(), "Mamori", (q != null ? "隔離しました / Quarantined: " : "個人情報を検出 / Personal data: ")
                        + task.file().getFileName());
            }
        }
    }

    private static String reason(List<DocumentResult> results, Severity worst) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int records = 0;
        for (DocumentResult r : results) {
            records += r.verdict().records();
            r.verdict().findings().forEach(f -> counts.merge(f.type(), f.count(), Integer::sum));
        }
        return "severity " + worst.label() + ", records " + records + ", " + counts;
    }

    /**
     * Raises an agent-health alert (a refused rule pack or config, a sink that is full): stored and
     * delivered like any alert, so the SIEM sees that the agent needs attention.
     */
    public void health(HealthProblem kind, String subject, String problem) {
        try {
            alertStore.append(new Alert(0, UUID.randomUUID().toString(), env.clock().instant(), env.host(), env.user(),
                    subject, "agent", "", 0, "medium", Map.of(), 0, List.of(problem),
                    List.of(HealthProblem.RULE, kind.ruleId()), false, "health", null, env.version(), packs));
            status.problem(kind, subject, problem, env.clock().instant());
        } catch (IOException e) {
            LOG.error("cannot store a health alert: {}", e.toString());
        }
    }

    /** A problem worth showing in {@code status} until fixed, not worth an alert (a source down for a while). */
    public void problem(HealthProblem kind, String subject, String message) {
        status.problem(kind, subject, message, env.clock().instant());
    }

    /** "name version" of the packs in force now. */
    public List<String> packs() {
        return packs;
    }

    /** A problem a health alert reported is fixed: {@code status} stops listing it. */
    public void resolved(HealthProblem kind) {
        status.resolved(kind);
    }

    public void health(String subject, String problem) {
        health(HealthProblem.OTHER, subject, problem);
    }

    /** Uses new rules from the next file on; files already scanned keep their verdicts. */
    public void reload(RuleSet newRules) {
        this.analyzer = new DocumentAnalyzer(newRules);
        this.packs = newRules.packVersions();
        LOG.info("rules reloaded: {}", newRules.packs());
    }

    private void housekeeping() {
        try {
            if (uncommitted.getAndSet(0) > 0) {
                state.commit();
            }
            importTriage();
            status.write(config.dataDir(), this, env.clock().instant());
            logChainHead();
        } catch (IOException | RuntimeException e) {
            LOG.warn("housekeeping: {}", e.toString());
        }
    }

    /** Folder where 'mamori alerts ack|dismiss|escalate' leaves decisions while the agent holds the store. */
    public static final String TRIAGE_INBOX = "triage-inbox";

    private void importTriage() throws IOException {
        Path inbox = config.dataDir().resolve(TRIAGE_INBOX);
        if (!Files.isDirectory(inbox)) {
            return;
        }
        try (var files = Files.list(inbox)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                alertStore.triage(dev.mamori.alert.Triage.read(f));
                Files.delete(f);
            }
        }
    }

    private String loggedHead = "";
    private long headLoggedAt;

    /** Every ten minutes, when it moved: the alert chain's head, for an auditor's external copy (mamori verify --head). */
    private void logChainHead() {
        long now = System.nanoTime();
        String head = alertStore.head();
        if (head.startsWith("0:")) {
            return; // no alert yet: nothing to vouch for
        }
        if (!head.equals(loggedHead) && (loggedHead.isEmpty() || now - headLoggedAt > 600_000_000_000L)) {
            LOG.info("alert chain head {}", head);
            loggedHead = head;
            headLoggedAt = now;
            var a = config.alerts();
            if (a.syslogHost() != null) {
                try (SyslogSink syslog = new SyslogSink(a.syslogHost(), a.syslogPort(), a.syslogTcp(), env.host())) {
                    syslog.sendChainHead(head, env.clock().instant());
                } catch (IOException e) {
                    LOG.warn("cannot send the alert chain head to syslog: {}", e.getMessage());
                    loggedHead = ""; // try again next time
                }
            }
        }
    }

    /** Waits until at least {@code files} files have been checked and the agent is idle (tests, benchmarks). */
    public void awaitChecked(long files, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status.checked() < files && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        awaitIdle(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until the queue is empty and no file is being judged (for tests and benchmarks). */
    public void awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (queue.isEmpty() && queuedPaths.isEmpty() && inFlight.get() == 0) {
                Thread.sleep(200);
                if (queue.isEmpty() && queuedPaths.isEmpty() && inFlight.get() == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!running) {
            return;
        }
        running = false;
        LOG.info("agent stopping");
        timers.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
        deliveries.forEach(Delivery::stop);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        extractor.close();
        state.close();
        alertStore.close();
        status.write(config.dataDir(), this, env.clock().instant());
    }
}
