package dev.mamori.agent;

import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Extractor;
import dev.mamori.platform.RegularFile;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ResultJson;
import dev.mamori.state.ContentHash;
import dev.mamori.state.FileStamp;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import dev.mamori.verdict.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's check stage: one queued file from its stamp to its results, handed to the
 * {@link Responder}. Only regular files are read (checked on the attributes read without following
 * links); an unchanged file, or one touched without changing, is passed over; the same content
 * elsewhere reuses its verdict; the rest is extracted and judged on the one path {@code scan}
 * uses ({@link DocumentAnalyzer#judgeAll}). Thread-safe: every scan thread checks through it; the
 * analyzer and packs change on reload.
 */
final class Checker {

    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);

    private final StateStore state;
    private final Responder responder;
    private final InProgress inProgress;
    private final Extractor extractor;
    private final Supplier<DocumentAnalyzer> analyzer;
    private final Supplier<List<String>> packs;
    private final AgentStatus status;
    private final long maxFileBytes;
    private final AtomicLong uncommitted;
    private final Responder.Health health;
    private final Clock clock;

    Checker(StateStore state, Responder responder, InProgress inProgress, Extractor extractor,
            Supplier<DocumentAnalyzer> analyzer, Supplier<List<String>> packs, AgentStatus status, long maxFileBytes,
            AtomicLong uncommitted, Responder.Health health, Clock clock) {
        this.state = state;
        this.responder = responder;
        this.inProgress = inProgress;
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.packs = packs;
        this.status = status;
        this.maxFileBytes = maxFileBytes;
        this.uncommitted = uncommitted;
        this.health = health;
        this.clock = clock;
    }

    /** The packs in force, as recorded in the state beside each verdict. */
    private String packsKey() {
        return String.join(", ", packs.get());
    }

    /**
     * One file: skip if unchanged (the same stamp and packs; at exit points the same content, since
     * a stamp can be put back), reuse the verdict of the same content, else extract and judge;
     * then respond. A file larger than the scan limit is read up to it and the rest makes it
     * uninspectable (the extractor's doing, as in {@code scan}). Recorded as in progress (durably) while it is judged, so that a file which kills
     * the process is recognised at the next start. An {@link Error} while judging (a detector's
     * {@code StackOverflowError}, an in-process parser out of memory) becomes the file's outcome:
     * could not be judged, with a health alert.
     */
    void check(Agent.Task task) throws IOException {
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
        if (!attrs.isRegularFile()) {
            // a link (perhaps swapped in after the event), a FIFO or a device: never opened, as scan does not
            status.skipped.incrementAndGet();
            return;
        }
        FileStamp stamp = FileStamp.of(file, attrs);
        long size = stamp.size();
        String packsNow = packsKey();
        List<String> packsList = packs.get();
        var was = state.get(key).filter(s -> s.judgedUnder(packsNow));
        boolean owed = was.isPresent() && responder.quarantineOwed(was.get(), task.place());
        if (was.isPresent() && was.get().stamp().equals(stamp) && !PlaceWalker.BY_CONTENT.contains(task.place().kind()) && !owed) {
            status.unchanged.incrementAndGet();
            return;
        }
        String sha;
        try {
            sha = ContentHash.bounded(file, maxFileBytes);
        } catch (RegularFile.NotRegularException swapped) {
            // replaced by a link, FIFO or device after the event: never read, as scan would not read it
            status.skipped.incrementAndGet();
            LOG.info("{} passed over: {}", key, swapped.getMessage());
            return;
        }
        if (owed && was.get().sha256().equals(sha)) {
            // judged before the policy asked for quarantine: the verdict stands, the quarantine is owed
            responder.respond(new Responder.Judged(task, key, stamp, sha, packsNow, packsList, rebased(was.get(), key)));
            return;
        }
        if (was.isPresent() && was.get().sha256().equals(sha)) { // touched, not changed: the verdict holds
            status.unchanged.incrementAndGet();
            if (!was.get().stamp().equals(stamp)) {
                FileState w = was.get();
                state.put(new FileState(key, stamp, sha, w.scannedAt(), w.severity(), w.resultsJson(), packsNow));
                uncommitted.incrementAndGet();
            }
            return;
        }
        status.scanned.incrementAndGet();
        inProgress.begin(key, size, stamp.mtimeMillis());
        try {
            List<DocumentResult> results;
            try {
                results = judge(file, key, sha, size, packsNow);
            } catch (Error e) {
                results = List.of(notJudged(key, "could not be judged: " + e.getClass().getSimpleName()));
                health.report(key, "could not judge " + key + ": " + e.getClass().getSimpleName()
                        + "; it is passed over until it changes", sha);
                LOG.error("could not judge {}: {}", key, e.toString());
            }
            responder.respond(new Responder.Judged(task, key, stamp, sha, packsNow, packsList, results));
        } finally {
            inProgress.end(key);
        }
    }

    private List<DocumentResult> judge(Path file, String key, String sha, long size, String packsNow) throws IOException {
        var same = state.byHash(sha);
        // a verdict under older packs is not reused: that is what re-judging after a pack change is for
        if (same.isPresent() && same.get().size() == size && same.get().judgedUnder(packsNow)) {
            status.reused.incrementAndGet();
            return rebased(same.get(), key); // a renamed or copied file: no need to read it again
        }
        List<DocumentResult> results = analyzer.get().judgeAll(extractor.extract(file, key));
        status.extracted.incrementAndGet();
        return results;
    }

    private DocumentResult notJudged(String key, String reason) {
        return analyzer.get().analyze(ExtractedDocument.failed(key, ExtractionStatus.ERROR, reason));
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

    /**
     * Files left in progress by an earlier process. One that was in progress at
     * {@link InProgress#POISON_AFTER} deaths, unchanged, is a poison file: it gets the outcome
     * "could not be judged" (so it is not tried again until it changes) and a health alert. One
     * death alone may have been a power cut or a kill: that file is tried once more.
     */
    void recoverInProgress() throws IOException {
        for (InProgress.Entry e : inProgress.leftovers()) {
            Path f = Path.of(e.path());
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                inProgress.end(e.path());
                continue;
            }
            if (a.size() != e.size() || a.lastModifiedTime().toMillis() != e.mtimeMillis()) {
                inProgress.end(e.path()); // changed since: it is judged afresh
                continue;
            }
            if (!e.poison()) {
                LOG.warn("the agent stopped while judging {}; it is tried once more", e.path());
                continue;
            }
            var json = ResultJson.JSON.createArrayNode().add(ResultJson.toJson(notJudged(e.path(),
                    "poison file: the agent died " + e.attempts() + " times while judging it (out of memory or a crash)")));
            health.report(e.path(), "poison file " + e.path() + ": the agent died " + e.attempts()
                    + " times while judging it; it is passed over until it changes", "");
            // under the packs in force, so that a rule change does not feed the poison file to the agent again
            state.put(new FileState(e.path(), FileStamp.of(f, a), "", clock.instant(), Severity.NONE.label(),
                    json.toString(), packsKey()));
            state.commit();
            status.poisoned.incrementAndGet();
            inProgress.end(e.path());
        }
    }
}
