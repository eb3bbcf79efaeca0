package dev.mamori.agent;

import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import dev.mamori.alert.Delivery;
import dev.mamori.alert.HealthProblem;
import dev.mamori.alert.JsonlSink;
import dev.mamori.alert.Sink;
import dev.mamori.alert.WebhookSink;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.platform.ExitPoints;
import dev.mamori.platform.OwnerOnly;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.rules.RuleSet;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.scan.PathExclusions;
import dev.mamori.state.StateStore;
import dev.mamori.watch.Place;
import dev.mamori.watch.TreeWatcher;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background agent, a staged pipeline that wires its stages and owns their threads:
 * discovery ({@link TreeWatcher} events and {@link PlaceWalker} walks, passing over what
 * {@link PassedOver} says) → a bounded queue (a full queue pauses discovery) → check
 * ({@link Checker}: file → text → findings → verdict) → respond ({@link Responder}: alert
 * committed, then quarantine, then the file's state) → delivery ({@link Delivery}, one thread per
 * sink, from the alert store). {@link Housekeeping} runs on its own scheduler, never behind a
 * blocked walk. Bounded everywhere: worker threads, the queue, file size, time per file, heap per
 * parser, memory per document.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    /** What the agent needs from outside, injected so tests can run it on temporary folders. */
    public record Environment(ExitPoints exitPoints, Clock clock, String host, String user, String version) {
    }

    record Task(Path file, Place place) {
    }

    /** Queued once per scan thread by close(): ends a thread waiting for work without an interrupt. */
    private static final Task STOP = new Task(Path.of(""), null);

    private final AgentConfig config;
    private final Environment env;
    private volatile RuleSet rules;
    private final AgentStatus status;
    private final BlockingQueue<Task> queue;
    private final Set<Path> queuedPaths = ConcurrentHashMap.newKeySet();
    private final Map<Path, Place> places = new ConcurrentHashMap<>();
    /** Files judged under older rule packs, queued by a walk behind the changed ones: re-judging pending. */
    private final Set<Path> rejudging = ConcurrentHashMap.newKeySet();
    private final ExitPoints exitPoints;
    private MediaMonitor media;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Walks (first checks, overflow rescans, periodic rescans): they may block on a full queue. */
    private final ScheduledExecutorService walks = daemonScheduler("mamori-walk");
    /** State commits, status.json, triage import, chain head: never behind a blocked walk. */
    private final ScheduledExecutorService timers = daemonScheduler("mamori-housekeeping");
    private StateStore state;
    private AlertStore alertStore;
    private Quarantine quarantine;
    private Extractor extractor;
    private volatile DocumentAnalyzer analyzer;
    /** "name version" of the packs {@link #analyzer} judges with: recorded in every alert, part of its id. */
    private volatile List<String> packs;
    /** The agent's own files and the packs' exclusions.paths: never queued, never judged. */
    private PassedOver passedOver;
    private PlaceWalker walker;
    private final AlertFactory alertFactory;
    private final NotificationLimit notifications;
    private InProgress inProgress;
    private Responder responder;
    private Checker checker;
    /** Files queued or being scanned: what {@link #awaitIdle} waits for. */
    private final java.util.concurrent.atomic.AtomicLong inFlight = new java.util.concurrent.atomic.AtomicLong();
    private TreeWatcher watcher;
    private volatile boolean running;
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
        this.alertFactory = new AlertFactory(env);
        this.notifications = new NotificationLimit(env.clock(), NotificationLimit.EVERY);
        this.packs = rules.packVersions();
        this.exitPoints = env.exitPoints().withMountParents(config.watch().mountParents());
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

    /** The rules in force now. */
    public RuleSet rules() {
        return rules;
    }

    public AgentStatus status() {
        return status;
    }

    /** The places watched now, by path. */
    List<Place> placesWatched() {
        return places.values().stream().sorted(java.util.Comparator.comparing(p -> p.root().toString())).toList();
    }

    /**
     * Opens the stores, starts delivery, scanning and watching, and checks every place once. When
     * that fails half-way, what was opened is closed again, so another config can start on the same
     * data folder.
     */
    public synchronized void start() throws IOException {
        try {
            startComponents();
        } catch (IOException | RuntimeException e) {
            running = true;
            try {
                close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void startComponents() throws IOException {
        Path data = OwnerOnly.directory(config.dataDir());
        String stateDamage = null;
        try {
            state = new StateStore(OwnerOnly.directory(data.resolve("state")));
        } catch (IOException | RuntimeException damaged) {
            // only a cache of verdicts: moved aside (for a post-mortem) and rebuilt by judging the files again
            Path aside = data.resolve("state.damaged-" + env.clock().millis());
            Files.move(data.resolve("state"), aside);
            stateDamage = "state store damaged (" + damaged.getClass().getSimpleName() + "); moved to " + aside
                    + " and rebuilt: every watched file is judged again";
            LOG.error(stateDamage);
            state = new StateStore(OwnerOnly.directory(data.resolve("state")));
        }
        alertStore = new AlertStore(OwnerOnly.directory(data.resolve("alerts")));
        timers.execute(() -> verifyChain(data.resolve("alerts"))); // reads every record: not in the way of the start
        if (stateDamage != null) {
            health(data.resolve("state").toString(), stateDamage, "");
        }
        quarantine = new Quarantine(OwnerOnly.directory(data.resolve("quarantine")), env.clock());
        try {
            OwnerOnly.directory(data.resolve(TRIAGE_INBOX)); // the agent's own, before any request arrives
        } catch (IOException notOurs) { // made by someone else before agents made their own: it still works, less tidily
            LOG.warn("the triage inbox {} is not the agent's ({}); requests may stay there after they are recorded",
                    data.resolve(TRIAGE_INBOX), notOurs.getClass().getSimpleName());
        }
        var s = config.scan();
        ExtractionLimits limits = new ExtractionLimits(s.maxFileBytes(), ExtractionLimits.defaults().maxChars(),
                ExtractionLimits.defaults().maxDepth(), ExtractionLimits.defaults().maxMembers(), s.timeout(), s.workerHeapMb());
        extractor = s.isolated() ? new ForkedExtractor(limits, s.idle()) : new TikaExtractor(limits);
        analyzer = new DocumentAnalyzer(rules);
        inProgress = new InProgress(data);
        responder = new Responder(config.actions(), quarantine, alertFactory, alertStore, state, status, notifications,
                exitPoints.os(), env.clock(), uncommitted, this::health);
        passedOver = new PassedOver(PassedOver.ownFolders(data, config.alerts().jsonl()), new PathExclusions(rules.pathGlobs()));
        checker = new Checker(state, responder, inProgress, extractor, () -> analyzer, () -> packs, status,
                config.scan().maxFileBytes(), uncommitted, this::health, env.clock());
        checker.recoverInProgress();
        running = true;
        for (Sink sink : sinks()) {
            Delivery d = new Delivery(alertStore, sink, data.resolve("positions"), config.alerts().retry(),
                    config.alerts().spoolMax());
            deliveries.add(d);
            if (d.recovery() != null) {
                health(d.sinkName(), d.recovery(), "");
            }
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
                        walks.execute(() -> walker.walk(place));
                    }
                });
        walker = new PlaceWalker(state, watcher, passedOver, this::enqueue, rejudging, this::packsKey, () -> running, status,
                env.clock());
        media = new MediaMonitor(exitPoints, m -> watchNewMedium(m.root()), root -> places.remove(root));
        for (Place p : placesToWatch()) {
            watcher.watch(p);
        }
        if (config.watch().removableMedia()) {
            timers.scheduleWithFixedDelay(media, 1, 1, TimeUnit.SECONDS); // the mount table: a small file
        }
        startThread("mamori-watch", watcher);
        Housekeeping housekeeping = new Housekeeping(config, state, alertStore, uncommitted,
                () -> status.write(config.dataDir(), this, env.clock().instant()));
        timers.scheduleWithFixedDelay(housekeeping, 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(new IdleTrim(status::checked, inFlight::get, s.idle(), System::nanoTime, new MemoryHandBack()),
                IdleTrim.CHECK_SECONDS, IdleTrim.CHECK_SECONDS, TimeUnit.SECONDS);
        long rescanHours = config.watch().rescanEvery().toHours();
        if (rescanHours > 0) {
            walks.scheduleWithFixedDelay(() -> places.values().forEach(walker::walk), rescanHours, rescanHours, TimeUnit.HOURS);
        }
        LOG.info("agent started: {} places, {} sink(s), {} worker(s)", places.size(), deliveries.size(), s.workers());
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private List<Place> placesToWatch() {
        Map<Path, Place> out = new LinkedHashMap<>();
        config.watch().paths().forEach(p -> out.put(p, new Place(p, ExitPointKind.WATCHED)));
        config.watch().outboxes().forEach(p -> out.put(p, new Place(p, ExitPointKind.OUTBOX)));
        if (config.watch().cloudSync()) {
            exitPoints.cloudSyncRoots().forEach(p -> out.put(p, new Place(p, ExitPointKind.CLOUD_SYNC)));
        }
        if (config.watch().removableMedia()) {
            media.start().keySet().forEach(p -> out.put(p, new Place(p, ExitPointKind.USB)));
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

    private void watchNewMedium(Path root) {
        try {
            watcher.watch(new Place(root, ExitPointKind.USB));
        } catch (IOException e) {
            LOG.warn("cannot watch the new medium {}: {}", root, e.getMessage());
        }
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
            remote.add(a.syslogSink(env.host()));
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

    /** The packs in force, as recorded in the state beside each verdict. */
    private String packsKey() {
        return String.join(", ", packs);
    }

    /** Files judged under older rule packs and queued to be judged again. */
    long rejudgePending() {
        return rejudging.size();
    }

    /** Queues a file for scanning; blocks while the queue is full (back-pressure on discovery). */
    private void enqueue(Path file, Place place) {
        if (!running || file.getFileName().toString().endsWith(Quarantine.NOTE_SUFFIX) || passedOver.test(file)) {
            rejudging.remove(file);
            return;
        }
        if (!queuedPaths.add(file)) {
            return; // queued already: judged under the current packs when its turn comes
        }
        inFlight.incrementAndGet();
        boolean queued = false;
        try {
            Task task = new Task(file, place);
            // a full queue is waited on in steps, so that a walk sees close() without an interrupt
            while (running && !(queued = queue.offer(task, 200, TimeUnit.MILLISECONDS))) {
                // back-pressure: the scan threads are behind
            }
            status.queued.set(queue.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!queued) {
                queuedPaths.remove(file);
                inFlight.decrementAndGet();
            }
        }
    }

    private void scanLoop() {
        while (running) {
            Task task;
            try {
                task = queue.take(); // no timed wake-ups at rest: close() queues STOP
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            queuedPaths.remove(task.file());
            status.queued.set(queue.size());
            try {
                scan(task);
                rejudging.remove(task.file());
            } catch (Throwable e) { // nothing one file does may end the scan thread (an Error is handled in scan)
                status.error(task.file() + ": " + e, env.clock().instant());
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

    /** One file through the check stage (tests call it directly). */
    void scan(Task task) throws IOException {
        checker.check(task);
    }

    /**
     * Raises an agent-health alert (a refused rule pack or config, a file that cannot be judged):
     * stored and delivered like any alert, so the SIEM sees that the agent needs attention.
     */
    public void health(HealthProblem kind, String subject, String problem) {
        health(kind, subject, problem, "");
    }

    private void health(String subject, String problem, String sha) {
        health(HealthProblem.OTHER, subject, problem, sha);
    }

    private void health(HealthProblem kind, String subject, String problem, String sha) {
        try {
            alertStore.append(alertFactory.health(kind, subject, problem, sha, packs));
            status.problem(kind, subject, problem, env.clock().instant());
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot store a health alert: {}", e.toString());
        }
    }

    /**
     * Checks the alert store's hash chain once per start: records changed, removed or inserted
     * while the agent was not running become a health alert, which the sinks carry off the laptop.
     */
    private void verifyChain(Path alerts) {
        try {
            ChainHash.Verification v = AlertStore.verify(alerts, null);
            if (v.ok()) {
                LOG.info("alert chain verified: {} records", v.records());
            } else {
                health(HealthProblem.CHAIN_BROKEN, alerts.toString(), "alert chain broken: " + v.problem(), "");
            }
        } catch (org.apache.lucene.index.IndexNotFoundException empty) {
            // a new store: nothing to vouch for yet
        } catch (IOException | RuntimeException e) {
            health(HealthProblem.CHAIN_BROKEN, alerts.toString(), "cannot check the alert chain: " + e, "");
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

    /**
     * Uses new rules from the next file on, and walks every place: files judged under the old
     * packs are judged again, behind changed files.
     */
    public void reload(RuleSet newRules) {
        this.rules = newRules;
        this.analyzer = new DocumentAnalyzer(newRules);
        this.packs = newRules.packVersions();
        if (passedOver != null) {
            passedOver.exclusions(new PathExclusions(newRules.pathGlobs()));
        }
        LOG.info("rules reloaded: {}", newRules.packs());
        if (running) {
            walks.execute(() -> places.values().forEach(walker::walk));
        }
    }

    /** Folder where 'mamori alerts ack|dismiss|escalate' leaves decisions while the agent holds the store. */
    public static final String TRIAGE_INBOX = "triage-inbox";

    /** Waits until at least {@code files} files have been checked and the agent is idle (tests, benchmarks). */
    public void awaitChecked(long files, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status.checked() < files && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        awaitIdle(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until no file is queued or being scanned (for tests and benchmarks). */
    public void awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Files queued or being scanned right now. */
    public long inFlight() {
        return inFlight.get();
    }

    private void joinThreads(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitEnd(java.util.concurrent.ExecutorService pool, long millis) {
        try {
            if (!pool.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow(); // a task stuck outside Lucene (a hung file system): last resort
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!running) {
            return;
        }
        running = false;
        LOG.info("agent stopping");
        // No interrupts while threads may be inside Lucene: an interrupted write or refresh closes
        // the index's files (ClosedByInterruptException) and loses what was not committed.
        timers.shutdown(); // periodic tasks end; one that is running finishes
        walks.shutdown(); // a walk sees running == false at its next file or queue step
        if (watcher != null) {
            watcher.close();
        }
        deliveries.forEach(Delivery::stop);
        for (int i = 0; i < threads.size(); i++) {
            queue.offer(STOP); // a full queue needs none: the threads see running == false after their file
        }
        awaitEnd(timers, 5_000);
        awaitEnd(walks, 5_000);
        joinThreads(10_000);
        if (extractor != null) {
            extractor.close(); // ends a file still being extracted
        }
        joinThreads(5_000);
        for (Thread t : threads) {
            if (t.isAlive()) {
                LOG.warn("{} did not stop; interrupting it", t.getName());
                t.interrupt();
            }
        }
        joinThreads(1_000);
        if (state != null) {
            state.close();
        }
        if (alertStore != null) {
            alertStore.close();
            status.write(config.dataDir(), this, env.clock().instant());
        }
    }
}
