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

    public AlertStore(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
        this.lastSeq = maxSeq();
    }

    /** Stores the alert durably and returns it with its sequence number. */
    public synchronized Alert append(Alert alert) throws IOException {
        Alert stored = alert.withSeq(lastSeq + 1);
        Document d = new Document();
        d.add(new LongPoint("seq", stored.seq()));
        d.add(new NumericDocValuesField("seq", stored.seq()));
        d.add(new StoredField("seq", stored.seq()));
        d.add(new StringField("id", stored.id(), Field.Store.YES));
        d.add(new StringField("severity", stored.severity(), Field.Store.YES));
        d.add(new StringField("exit", stored.exitPoint(), Field.Store.YES));
        d.add(new StoredField("json", AlertJson.line(stored)));
        writer.addDocument(d);
        writer.commit();
        lastSeq = stored.seq();
        notifyAll();
        return stored;
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
            TopDocs top = s.search(LongPoint.newRangeQuery("seq", seq + 1, Long.MAX_VALUE), limit,
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
