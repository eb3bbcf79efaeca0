package dev.mamori.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
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
        d.add(new StoredField("scannedAt", s.scannedAt().toEpochMilli()));
        d.add(new StringField("severity", s.severity(), Field.Store.YES));
        d.add(new StoredField("results", s.resultsJson()));
        try {
            writer.updateDocument(new Term(PATH, s.path()), d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String path) {
        try {
            writer.deleteDocuments(new Term(PATH, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            searchers.maybeRefreshBlocking();
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
