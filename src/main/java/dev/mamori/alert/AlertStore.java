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
    /** Hash of the newest record: each record carries the previous one's hash (a tamper-evident chain). */
    private String lastHash = ChainHash.GENESIS;

    public AlertStore(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
        this.lastSeq = maxSeq();
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

    /**
     * Walks the whole chain (checking it contains {@code keptHead}, "seq:hash", when given) in the order of the records' numbers and reports the first record that
     * was changed, removed or inserted. Read-only: works beside a running agent.
     */
    public static ChainHash.Verification verify(Path dir, String keptHead) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(reader);
            TopDocs all = s.search(new MatchAllDocsQuery(), Math.max(1, reader.numDocs()),
                    new Sort(new SortField("seq", SortField.Type.LONG)));
            List<ChainHash.Link> links = new ArrayList<>();
            for (ScoreDoc sd : all.scoreDocs) {
                Document doc = s.storedFields().document(sd.doc);
                links.add(new ChainHash.Link(doc.getField("seq").numericValue().longValue(), doc.get("json"),
                        doc.get("prev"), doc.get("hash")));
            }
            return ChainHash.verify(links, keptHead);
        }
    }

    /** Stores the alert durably and returns it with its sequence number. */
    public synchronized Alert append(Alert alert) throws IOException {
        Alert stored = add(alert);
        writer.commit();
        notifyAll();
        return stored;
    }

    /** Stores many alerts in order with one commit (imports, benchmarks). */
    public synchronized void appendAll(List<Alert> alerts) throws IOException {
        for (Alert a : alerts) {
            add(a);
        }
        writer.commit();
        notifyAll();
    }

    /**
     * Stores many alerts in order and {@code commitData} (a consumer's offsets, say) in the same
     * commit: after a crash either both are on disk or neither is.
     */
    public synchronized void appendAll(List<Alert> alerts, java.util.Map<String, String> commitData) throws IOException {
        for (Alert a : alerts) {
            add(a);
        }
        writer.setLiveCommitData(new java.util.TreeMap<>(commitData).entrySet());
        writer.commit();
        notifyAll();
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

    private Alert add(Alert alert) throws IOException {
        Alert stored = alert.withSeq(lastSeq + 1);
        Document d = new Document();
        d.add(new LongPoint("seq", stored.seq()));
        d.add(new NumericDocValuesField("seq", stored.seq()));
        d.add(new StoredField("seq", stored.seq()));
        d.add(new StringField("id", stored.id(), Field.Store.YES));
        d.add(new StringField("severity", stored.severity(), Field.Store.YES));
        d.add(new StringField("exit", stored.exitPoint(), Field.Store.YES));
        d.add(new StringField("kind", "alert", Field.Store.YES));
        // searchable fields for 'mamori alerts search' (Lucene query syntax)
        d.add(new StringField("path", stored.path(), Field.Store.NO));
        d.add(new StringField("host", stored.host(), Field.Store.NO));
        d.add(new StringField("user", stored.user(), Field.Store.NO));
        d.add(new StringField("action", stored.action(), Field.Store.NO));
        d.add(new StringField("appi", Boolean.toString(stored.appiReportable()), Field.Store.NO));
        d.add(new StringField("date", stored.time().toString().substring(0, 10), Field.Store.NO));
        d.add(new StringField("time", stored.time().toString(), Field.Store.NO));
        stored.counts().keySet().forEach(t -> d.add(new StringField("type", t, Field.Store.NO)));
        stored.rules().forEach(r -> d.add(new StringField("rule", r, Field.Store.NO)));
        for (String pack : stored.packs()) { // pack:acme finds every version, pack:"acme 2026.11" one
            d.add(new StringField("pack", pack, Field.Store.NO));
            d.add(new StringField("pack", pack.split(" ", 2)[0], Field.Store.NO));
        }
        String json = AlertJson.line(stored);
        String hash = ChainHash.of(lastHash, json);
        d.add(new StoredField("json", json));
        d.add(new StoredField("prev", lastHash));
        d.add(new StoredField("hash", hash));
        writer.addDocument(d);
        lastSeq = stored.seq();
        lastHash = hash;
        return stored;
    }

    /**
     * Records a triage action (ack, dismiss, escalate) on an alert, in the same hash chain, so the
     * trail shows who decided what and when. Triage records are never delivered to sinks.
     */
    public synchronized Triage triage(Triage t) throws IOException {
        long seq = lastSeq + 1;
        String json = Triage.toJson(t, seq);
        String hash = ChainHash.of(lastHash, json);
        Document d = new Document();
        d.add(new LongPoint("seq", seq));
        d.add(new NumericDocValuesField("seq", seq));
        d.add(new StoredField("seq", seq));
        d.add(new StringField("kind", "triage", Field.Store.YES));
        d.add(new StringField("alert", t.alertId(), Field.Store.YES));
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
                out.put(t.alertId(), t);
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

    /** Waits up to {@code millis} for an alert after {@code seq}. */
    public synchronized void awaitAfter(long seq, long millis) throws InterruptedException {
        if (lastSeq <= seq) {
            wait(millis);
        }
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

    private static List<Alert> search(IndexSearcher s, String query, int limit) throws IOException {
        org.apache.lucene.search.Query q = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(AlertQuery.parseQuery(query), org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "triage")),
                        org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                .build();
        TopDocs top = s.search(q, Math.max(1, limit), new Sort(new SortField("seq", SortField.Type.LONG, true)));
        List<Alert> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(AlertJson.fromJson(AlertJson.JSON.readTree(s.storedFields().document(sd.doc).get("json"))));
        }
        return out;
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
