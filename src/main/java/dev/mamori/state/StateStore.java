package dev.mamori.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Scanned-file state in a Lucene index. Writes become durable on {@link #commit()}, which the agent
 * calls in batches and at shutdown; after a crash, files scanned since the last commit are simply
 * scanned again. Thread-safe.
 */
public final class StateStore implements AutoCloseable {

    private static final String PATH = "path";
    private static final String HASH = "sha256";

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Set by writes: the next read refreshes its view first (a refresh per read would be costly). */
    private volatile boolean dirty = true;

    public StateStore(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    public Optional<FileState> get(String path) {
        return first(new Term(PATH, path));
    }

    /** A remembered file with this content (a renamed or copied file). */
    public Optional<FileState> byHash(String sha256) {
        return first(new Term(HASH, sha256));
    }

    public void put(FileState s) {
        Document d = new Document();
        d.add(new StringField(PATH, s.path(), Field.Store.YES));
        d.add(new StringField(HASH, s.sha256(), Field.Store.YES));
        FileStamp stamp = s.stamp();
        d.add(new StoredField("size", stamp.size()));
        d.add(new StoredField("mtime", stamp.mtimeMillis()));
        d.add(new StoredField("ctime", stamp.ctimeNanos()));
        d.add(new StoredField("fkey", stamp.fileKey()));
        d.add(new StoredField("packs", s.packs()));
        // columnar copies for the unchanged-file check of a walk, which must cost little more than a stat
        d.add(new NumericDocValuesField("size", stamp.size()));
        d.add(new NumericDocValuesField("mtime", stamp.mtimeMillis()));
        d.add(new NumericDocValuesField("ctime", stamp.ctimeNanos()));
        d.add(new NumericDocValuesField("fkey", stamp.fileKey()));
        d.add(new NumericDocValuesField("packs", FileStamp.packsDigest(s.packs())));
        d.add(new StoredField("scannedAt", s.scannedAt().toEpochMilli()));
        d.add(new StringField("severity", s.severity(), Field.Store.YES));
        d.add(new StoredField("results", s.resultsJson()));
        try {
            writer.updateDocument(new Term(PATH, s.path()), d);
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a walk compares a file with: its stamp when judged and a digest of the packs it was
     * judged under ({@link FileStamp#packsDigest}).
     */
    public record Remembered(FileStamp stamp, long packsDigest) {
    }

    /**
     * The stamp and packs of every remembered file under {@code prefix}, read in one pass over the
     * sorted path terms and doc-value columns: a rescan compares against this instead of looking up
     * each file. Entries written before change times were recorded are left out (judged again).
     */
    public java.util.Map<String, Remembered> snapshot(String prefix) {
        java.util.Map<String, Remembered> out = new java.util.HashMap<>();
        try {
            refreshIfDirty();
            IndexSearcher s = searchers.acquire();
            try {
                BytesRef start = new BytesRef(prefix);
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    Terms terms = leaf.reader().terms(PATH);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    if (te.seekCeil(start) == TermsEnum.SeekStatus.END) {
                        continue;
                    }
                    NumericDocValues sizes = DocValues.getNumeric(leaf.reader(), "size");
                    NumericDocValues mtimes = DocValues.getNumeric(leaf.reader(), "mtime");
                    NumericDocValues ctimes = DocValues.getNumeric(leaf.reader(), "ctime");
                    NumericDocValues keys = DocValues.getNumeric(leaf.reader(), "fkey");
                    NumericDocValues packs = DocValues.getNumeric(leaf.reader(), "packs");
                    Bits live = leaf.reader().getLiveDocs();
                    PostingsEnum postings = null;
                    java.util.TreeMap<Integer, String> docs = new java.util.TreeMap<>();
                    for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, start); t = te.next()) {
                        postings = te.postings(postings, PostingsEnum.NONE);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                            if (live == null || live.get(doc)) {
                                docs.put(doc, t.utf8ToString());
                            }
                        }
                    }
                    for (var e : docs.entrySet()) { // doc values are read in doc order
                        int doc = e.getKey();
                        if (sizes.advanceExact(doc) && mtimes.advanceExact(doc) && ctimes.advanceExact(doc)
                                && keys.advanceExact(doc) && packs.advanceExact(doc)) {
                            out.put(e.getValue(), new Remembered(new FileStamp(sizes.longValue(), mtimes.longValue(),
                                    ctimes.longValue(), keys.longValue()), packs.longValue()));
                        }
                    }
                }
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refreshIfDirty() throws IOException {
        if (dirty) {
            dirty = false;
            searchers.maybeRefreshBlocking();
        }
    }

    public void remove(String path) {
        try {
            writer.deleteDocuments(new Term(PATH, path));
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every remembered file, read-only beside a running agent (which holds the write lock). */
    public static java.util.List<FileState> readAll(Path dir) throws IOException {
        java.util.List<FileState> out = new java.util.ArrayList<>();
        try (FSDirectory d = FSDirectory.open(dir); var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            var stored = reader.storedFields();
            Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                out.add(fromDocument(stored.document(doc)));
            }
        }
        out.sort(java.util.Comparator.comparing(FileState::path));
        return out;
    }

    /** Makes every change so far durable. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    private Optional<FileState> first(Term term) {
        try {
            refreshIfDirty();
            IndexSearcher s = searchers.acquire();
            try {
                TopDocs top = s.search(new TermQuery(term), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(fromDocument(s.storedFields().document(top.scoreDocs[0].doc)));
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries written before change times, file keys and packs were recorded read as 0 and "". */
    private static FileState fromDocument(Document d) {
        FileStamp stamp = new FileStamp(number(d, "size"), number(d, "mtime"), number(d, "ctime"), number(d, "fkey"));
        String packs = d.get("packs");
        return new FileState(d.get(PATH), stamp, d.get(HASH), Instant.ofEpochMilli(number(d, "scannedAt")),
                d.get("severity"), d.get("results"), packs == null ? "" : packs);
    }

    private static long number(Document d, String field) {
        var f = d.getField(field);
        return f == null ? 0 : f.numericValue().longValue();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (writer.isOpen()) { // a writer Lucene closed on a failed write keeps its last commit: re-judged, not lost
            writer.commit();
            writer.close();
        }
        directory.close();
    }
}
