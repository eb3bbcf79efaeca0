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
        d.add(new StoredField("size", s.size()));
        d.add(new StoredField("mtime", s.mtimeMillis()));
        // columnar copies for the unchanged-file check, which must cost little more than a stat
        d.add(new NumericDocValuesField("size", s.size()));
        d.add(new NumericDocValuesField("mtime", s.mtimeMillis()));
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
     * True when the file is remembered with this size and modification time: the hot path of a
     * re-check after a restart. Reads the path's term and two doc-value columns, no stored fields.
     */
    public boolean unchanged(String path, long size, long mtimeMillis) {
        try {
            refreshIfDirty();
            IndexSearcher s = searchers.acquire();
            try {
                BytesRef term = new BytesRef(path);
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    Terms terms = leaf.reader().terms(PATH);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    if (!te.seekExact(term)) {
                        continue;
                    }
                    PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        NumericDocValues sizes = DocValues.getNumeric(leaf.reader(), "size");
                        NumericDocValues mtimes = DocValues.getNumeric(leaf.reader(), "mtime");
                        return sizes.advanceExact(doc) && sizes.longValue() == size
                                && mtimes.advanceExact(doc) && mtimes.longValue() == mtimeMillis;
                    }
                }
                return false;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Size and modification time of every remembered file under {@code prefix}, read in one pass
     * over the sorted path terms: a rescan compares against this instead of looking up each file.
     */
    public java.util.Map<String, long[]> snapshot(String prefix) {
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
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
                        if (sizes.advanceExact(doc) && mtimes.advanceExact(doc)) {
                            out.put(e.getValue(), new long[] {sizes.longValue(), mtimes.longValue()});
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
                Document dd = stored.document(doc);
                out.add(new FileState(dd.get(PATH), dd.getField("size").numericValue().longValue(),
                        dd.getField("mtime").numericValue().longValue(), dd.get(HASH),
                        Instant.ofEpochMilli(dd.getField("scannedAt").numericValue().longValue()), dd.get("severity"),
                        dd.get("results")));
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
                Document d = s.storedFields().document(top.scoreDocs[0].doc);
                return Optional.of(new FileState(d.get(PATH), d.getField("size").numericValue().longValue(),
                        d.getField("mtime").numericValue().longValue(), d.get(HASH),
                        Instant.ofEpochMilli(d.getField("scannedAt").numericValue().longValue()), d.get("severity"),
                        d.get("results")));
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.commit();
        writer.close();
        directory.close();
    }
}
