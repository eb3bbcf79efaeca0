package dev.mamori.alert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The durable record of every alert, in a Lucene index: an alert is committed to disk before any
 * sink sees it, so a crash cannot lose it. Alerts are numbered in order ({@code seq}); sinks read
 * them from their last acknowledged position. Thread-safe.
 */
public final class AlertStore implements AutoCloseable {

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private long lastSeq;
    /** The newest alert's number: triage records share the numbering but are never delivered. */
    private long lastAlertSeq;
    /** Hash of the newest record: each record carries the previous one's hash (a tamper-evident chain). */
    private String lastHash = ChainHash.GENESIS;
    private final ChainKey key;

    /** Opens (or creates) the store in {@code dir}, and its chain key ({@link ChainKey}, created on first use). */
    public AlertStore(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.key = ChainKey.loadOrCreate(dir);
        this.searchers = new SearcherManager(writer, null);
        this.lastSeq = maxSeq();
        this.lastAlertSeq = maxAlertSeq();
        this.lastHash = lastSeq == 0 ? ChainHash.GENESIS : headHash();
    }

    /** The chain head: the newest record's number and hash, for an auditor's external copy. */
    public synchronized String head() {
        return lastSeq + ":" + lastHash;
    }

    private String headHash() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(LongPoint.newExactQuery("seq", lastSeq), 1);
            return top.scoreDocs.length == 0 ? ChainHash.GENESIS : s.storedFields().document(top.scoreDocs[0].doc).get("hash");
        } finally {
            searchers.release(s);
        }
    }

    /** {@link #verify(Path, String, ChainKey)} with the store's key if this process can read it, else without. */
    public static ChainHash.Verification verify(Path dir, String keptHead) throws IOException {
        return verify(dir, keptHead, ChainKey.lookup(dir) instanceof ChainKey.Lookup.Found f ? f.key() : null);
    }

    /**
     * Walks the whole chain (checking it contains {@code keptHead}, "seq:hash", when given) in the
     * order of the records' numbers and reports the first record that was changed, removed or
     * inserted; damaged index files are a break too (see {@link ChainRead}), never an exception.
     * Read-only: works beside a running agent.
     *
     * @param key the chain's key; null checks numbering and links only (see {@link ChainHash#verify})
     * @throws org.apache.lucene.index.IndexNotFoundException when there is no store at all
     */
    public static ChainHash.Verification verify(Path dir, String keptHead, ChainKey key) throws IOException {
        return ChainRead.verify(dir, keptHead, key);
    }

    /** Stores the alert durably and returns it with its sequence number. */
    public synchronized Alert append(Alert alert) throws IOException {
        return appendAll(List.of(alert)).get(0);
    }

    /**
     * Stores alerts in order with one commit and returns them with their sequence numbers. All or
     * nothing: if one cannot be stored, none is, and the store's numbering and chain are unchanged.
     */
    public synchronized List<Alert> appendAll(List<Alert> alerts) throws IOException {
        return append(alerts, null);
    }

    private List<Alert> append(List<Alert> alerts, java.util.Map<String, String> commitData) throws IOException {
        List<Alert> stored = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        String hash = lastHash;
        for (Alert a : alerts) {
            Alert s = a.withSeq(lastSeq + 1 + stored.size());
            String json = AlertJson.line(s);
            String next = key.of(hash, json);
            docs.add(document(s, json, hash, next));
            stored.add(s);
            hash = next;
        }
        if (docs.isEmpty() && commitData == null) {
            return stored;
        }
        writer.addDocuments(docs); // atomic: all added or none
        if (commitData != null) {
            writer.setLiveCommitData(new java.util.TreeMap<>(commitData).entrySet());
        }
        try {
            writer.commit();
        } catch (IOException | RuntimeException e) {
            // not stored: take them back, or the next commit would store them under numbers handed out again
            try {
                if (!stored.isEmpty()) {
                    writer.deleteDocuments(LongPoint.newRangeQuery("seq", stored.get(0).seq(), Long.MAX_VALUE));
                }
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        if (stored.isEmpty()) {
            return stored;
        }
        lastSeq = stored.get(stored.size() - 1).seq();
        lastHash = hash;
        lastAlertSeq = lastSeq;
        notifyAll();
        return stored;
    }

    /** Longest value indexed as it is; longer ones (archive member paths can exceed Lucene's 32 KB term limit) are indexed shortened. */
    static final int MAX_INDEXED_CHARS = 1_000;

    /**
     * The form a value is indexed (searched) in: itself, or when longer than {@link #MAX_INDEXED_CHARS}
     * its beginning and a hash of the whole, so a prefix or wildcard search still finds it. The full
     * value is always in the stored JSON.
     */
    static String indexed(String value) {
        if (value.length() <= MAX_INDEXED_CHARS) {
            return value;
        }
        int cut = MAX_INDEXED_CHARS;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "…#" + ChainHash.of("", value).substring(0, 16);
    }

    /**
     * Stores many alerts in order and {@code commitData} (a consumer's offsets, say) in the same
     * commit: after a crash either both are on disk or neither is.
     */
    public synchronized List<Alert> appendAll(List<Alert> alerts, java.util.Map<String, String> commitData) throws IOException {
        return append(alerts, commitData);
    }

    /** The user data of the last commit (empty for a new store or one never given any). */
    public synchronized java.util.Map<String, String> commitData() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        Iterable<java.util.Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The user data of the store's last commit, read-only beside the process that writes it. */
    public static java.util.Map<String, String> commitData(Path dir) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            return new java.util.TreeMap<>(reader.getIndexCommit().getUserData());
        }
    }

    /**
     * The number of the alert stored before {@code seq}, skipping triage records (which sinks never
     * see), 0 when there is none: what lets a receiver tell a skipped number from a lost alert.
     */
    public long alertBefore(long seq) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            var q = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(LongPoint.newRangeQuery("seq", 1, seq - 1), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                    .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "triage")),
                            org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                    .build();
            TopDocs top = s.search(q, 1, new Sort(new SortField("seq", SortField.Type.LONG, true)));
            return top.scoreDocs.length == 0 ? 0
                    : s.storedFields().document(top.scoreDocs[0].doc).getField("seq").numericValue().longValue();
        } finally {
            searchers.release(s);
        }
    }

    /** True when an alert with this id is stored (committed) here. */
    public boolean containsId(String alertId) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("id", alertId))) > 0;
        } finally {
            searchers.release(s);
        }
    }

    private static Document document(Alert stored, String json, String prev, String hash) {
        Document d = new Document();
        d.add(new LongPoint("seq", stored.seq()));
        d.add(new NumericDocValuesField("seq", stored.seq()));
        d.add(new StoredField("seq", stored.seq()));
        d.add(new StringField("id", indexed(stored.id()), Field.Store.YES));
        d.add(new StringField("severity", indexed(stored.severity().label()), Field.Store.YES));
        d.add(new StringField("exit", indexed(stored.exitPoint().label()), Field.Store.YES));
        d.add(new StringField("kind", "alert", Field.Store.YES));
        // searchable fields for 'mamori alerts search' (Lucene query syntax)
        d.add(new StringField("path", indexed(stored.path()), Field.Store.NO));
        stored.members().forEach(m -> d.add(new StringField("path", indexed(m), Field.Store.NO)));
        d.add(new StringField("host", indexed(stored.host()), Field.Store.NO));
        d.add(new StringField("user", indexed(stored.user()), Field.Store.NO));
        d.add(new StringField("action", indexed(stored.action().label()), Field.Store.NO));
        if (stored.quarantineId() != null) {
            d.add(new StringField("quarantine", indexed(stored.quarantineId()), Field.Store.NO));
        }
        d.add(new StringField("appi", Boolean.toString(stored.appiReportable()), Field.Store.NO));
        d.add(new StringField("date", stored.time().toString().substring(0, 10), Field.Store.NO));
        d.add(new StringField("time", stored.time().toString(), Field.Store.NO));
        stored.counts().keySet().forEach(t -> d.add(new StringField("type", indexed(t), Field.Store.NO)));
        stored.rules().forEach(r -> d.add(new StringField("rule", indexed(r), Field.Store.NO)));
        for (String pack : stored.packs()) { // pack:acme finds every version, pack:"acme 2026.11" one
            d.add(new StringField("pack", indexed(pack), Field.Store.NO));
            d.add(new StringField("pack", indexed(pack.split(" ", 2)[0]), Field.Store.NO));
        }
        d.add(new StoredField("json", json));
        d.add(new StoredField("prev", prev));
        d.add(new StoredField("hash", hash));
        return d;
    }

    /**
     * Records a triage action (ack, dismiss, escalate) on an alert, in the same hash chain, so the
     * trail shows who decided what and when. Triage records are never delivered to sinks.
     */
    public synchronized Triage triage(Triage t) throws IOException {
        return triage(t, null);
    }

    /**
     * Records a decision handed in as request {@code requestId}, once: a request already recorded
     * (a file the inbox could not delete, read again) is not recorded twice. Returns false then.
     */
    public synchronized boolean triageOnce(Triage t, String requestId) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            if (s.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("request", requestId))) > 0) {
                return false;
            }
        } finally {
            searchers.release(s);
        }
        triage(t, requestId);
        return true;
    }

    private Triage triage(Triage t, String requestId) throws IOException {
        long seq = lastSeq + 1;
        String json = Triage.toJson(t, seq);
        String hash = key.of(lastHash, json);
        Document d = new Document();
        d.add(new LongPoint("seq", seq));
        d.add(new NumericDocValuesField("seq", seq));
        d.add(new StoredField("seq", seq));
        d.add(new StringField("kind", "triage", Field.Store.YES));
        d.add(new StringField("alert", indexed(t.alertId()), Field.Store.YES));
        if (requestId != null) {
            d.add(new StringField("request", requestId, Field.Store.YES));
        }
        d.add(new StoredField("json", json));
        d.add(new StoredField("prev", lastHash));
        d.add(new StoredField("hash", hash));
        writer.addDocument(d);
        writer.commit();
        lastSeq = seq;
        lastHash = hash;
        return t;
    }

    /** The latest triage action of each alert id, read-only beside a running agent. */
    public static java.util.Map<String, Triage> triageState(Path dir) throws IOException {
        java.util.Map<String, Triage> out = new java.util.HashMap<>();
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(reader);
            TopDocs all = s.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "triage")),
                    Math.max(1, reader.numDocs()), new Sort(new SortField("seq", SortField.Type.LONG)));
            for (ScoreDoc sd : all.scoreDocs) {
                Triage t = Triage.fromJson(AlertJson.JSON.readTree(s.storedFields().document(sd.doc).get("json")));
                if (t != null) { // a decision this version does not know stays in the chain, out of the state
                    out.put(t.alertId(), t);
                }
            }
        }
        return out;
    }

    /** True when an alert with this id is in the store. */
    public static boolean contains(Path dir, String alertId) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            return new IndexSearcher(reader).count(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term("id", alertId))) > 0;
        }
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** The newest alert's number (0 when there is none); triage records after it do not count. */
    public synchronized long lastAlertSeq() {
        return lastAlertSeq;
    }

    /**
     * Waits up to {@code millis} for an alert after {@code seq}. Triage records do not end the
     * wait: sinks never receive them, so a reader waiting for them would spin.
     */
    public synchronized void awaitAfter(long seq, long millis) throws InterruptedException {
        if (lastAlertSeq <= seq) {
            wait(millis);
        }
    }

    /** Ends every {@link #awaitAfter} now (a delivery that is stopping). */
    public synchronized void wakeWaiters() {
        notifyAll();
    }

    /** Up to {@code limit} alerts after {@code seq}, in order. */
    public List<Alert> readAfter(long seq, int limit) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            var onlyAlerts = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(LongPoint.newRangeQuery("seq", seq + 1, Long.MAX_VALUE), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                    .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "triage")),
                            org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                    .build();
            TopDocs top = s.search(onlyAlerts, limit,
                    new Sort(new SortField("seq", SortField.Type.LONG)));
            List<Alert> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(AlertJson.fromJson(AlertJson.JSON.readTree(s.storedFields().document(sd.doc).get("json"))));
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Alerts matching a Lucene query, newest first: {@code type:JAPAN_INDIVIDUAL_NUMBER AND exit:usb AND
     * severity:high}, {@code date:[2026-11-01 TO 2026-11-30]}, {@code path:*顧客*}. Fields: type, exit,
     * severity, rule, host, user, action, appi, date (yyyy-mm-dd), time (ISO instant), path, id.
     *
     * @throws IllegalArgumentException for a query that does not parse, with the parser's reason
     */
    public List<Alert> search(String query, int limit) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return search(s, query, limit);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The same search on a store another process (the running agent) has open: reads the last
     * committed alerts without taking the store's write lock.
     */
    public static List<Alert> searchReadOnly(Path dir, String query, int limit) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            return search(new IndexSearcher(reader), query, limit);
        }
    }

    /** Alerts read per page by {@link #forEachReadOnly}: the memory a visit takes, whatever the store holds. */
    static final int PAGE = 5_000;

    /**
     * Every alert matching {@code query}, newest first, handed to {@code visit} a page at a time, so
     * that a million alerts are read in the memory of a few thousand; beside a running agent, as
     * {@link #searchReadOnly}.
     *
     * @throws IllegalArgumentException for a query that does not parse
     */
    public static void forEachReadOnly(Path dir, String query, java.util.function.Consumer<Alert> visit) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            forEachPage(new IndexSearcher(reader), alertsOnly(query), new Sort(new SortField("seq", SortField.Type.LONG, true)),
                    doc -> {
                        visit.accept(AlertJson.fromJson(AlertJson.JSON.readTree(doc.get("json"))));
                        return true;
                    });
        }
    }

    /** What {@link #forEachPage} hands each stored record to; false stops the visit. */
    interface RecordVisit {
        boolean accept(org.apache.lucene.document.Document record) throws IOException;
    }

    /** Every record matching {@code q} in {@code sort} order, {@link #PAGE} at a time, until {@code visit} says stop. */
    static void forEachPage(IndexSearcher s, org.apache.lucene.search.Query q, Sort sort, RecordVisit visit) throws IOException {
        var stored = s.storedFields();
        ScoreDoc after = null;
        while (true) {
            TopDocs page = after == null ? s.search(q, PAGE, sort) : s.searchAfter(after, q, PAGE, sort);
            for (ScoreDoc sd : page.scoreDocs) {
                if (!visit.accept(stored.document(sd.doc))) {
                    return;
                }
            }
            if (page.scoreDocs.length < PAGE) {
                return;
            }
            after = page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    private static org.apache.lucene.search.Query alertsOnly(String query) {
        return new org.apache.lucene.search.BooleanQuery.Builder()
                .add(AlertQuery.parseQuery(query), org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "triage")),
                        org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private static List<Alert> search(IndexSearcher s, String query, int limit) throws IOException {
        org.apache.lucene.search.Query q = alertsOnly(query);
        TopDocs top = s.search(q, Math.max(1, limit), new Sort(new SortField("seq", SortField.Type.LONG, true)));
        List<Alert> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(AlertJson.fromJson(AlertJson.JSON.readTree(s.storedFields().document(sd.doc).get("json"))));
        }
        return out;
    }

    private long maxAlertSeq() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "alert")),
                    1, new Sort(new SortField("seq", SortField.Type.LONG, true)));
            return top.scoreDocs.length == 0 ? 0
                    : s.storedFields().document(top.scoreDocs[0].doc).getField("seq").numericValue().longValue();
        } finally {
            searchers.release(s);
        }
    }

    private long maxSeq() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new MatchAllDocsQuery(), 1, new Sort(new SortField("seq", SortField.Type.LONG, true)));
            return top.scoreDocs.length == 0 ? 0
                    : s.storedFields().document(top.scoreDocs[0].doc).getField("seq").numericValue().longValue();
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
