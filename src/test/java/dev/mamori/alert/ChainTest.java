package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert trail is tamper-evident: editing, deleting or reordering stored records is caught. */
class ChainTest {

    @TempDir
    Path dir;
    String head;

    @BeforeEach
    void fiveAlerts() throws Exception {
        try (AlertStore store = new AlertStore(dir)) {
            for (int i = 1; i <= 5; i++) {
                store.append(Alerts.alert(i));
            }
            head = store.head();
        }
    }

    /** What someone with write access to the data directory could do: rewrite the index with Lucene. */
    private interface Tamper {
        void apply(IndexWriter writer, IndexSearcher searcher) throws Exception;
    }

    private void tamper(Tamper t) throws Exception {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            try (DirectoryReader r = DirectoryReader.open(w)) {
                t.apply(w, new IndexSearcher(r));
            }
            w.commit();
        }
    }

    private static Document record(IndexSearcher s, long seq) throws Exception {
        var top = s.search(LongPoint.newExactQuery("seq", seq), 1);
        return s.storedFields().document(top.scoreDocs[0].doc);
    }

    private static Document copy(Document d, long seq, String json) {
        Document n = new Document();
        n.add(new LongPoint("seq", seq));
        n.add(new NumericDocValuesField("seq", seq));
        n.add(new StoredField("seq", seq));
        n.add(new StoredField("json", json));
        n.add(new StoredField("prev", d.get("prev")));
        n.add(new StoredField("hash", d.get("hash")));
        return n;
    }

    @Test
    void anUntouchedChainVerifiesAndContainsItsHead() throws Exception {
        ChainHash.Verification v = AlertStore.verify(dir, head);
        assertThat(v.ok()).isTrue();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.head()).isEqualTo(head);
    }

    @Test
    void anEditedRecordIsNamed() throws Exception {
        tamper((w, s) -> {
            Document d = record(s, 3);
            w.deleteDocuments(LongPoint.newExactQuery("seq", 3));
            w.addDocument(copy(d, 3, d.get("json").replace("\"severity\":\"medium\"", "\"severity\":\"low\"")));
        });
        assertThat(AlertStore.verify(dir, null).problem()).isEqualTo("record 3 was changed after it was written");
    }

    @Test
    void aDeletedRecordIsNamed() throws Exception {
        tamper((w, s) -> w.deleteDocuments(LongPoint.newExactQuery("seq", 2)));
        assertThat(AlertStore.verify(dir, null).problem()).startsWith("record 2 is missing");
    }

    @Test
    void reorderedRecordsAreCaught() throws Exception {
        tamper((w, s) -> {
            Document two = record(s, 2);
            Document three = record(s, 3);
            w.deleteDocuments(LongPoint.newExactQuery("seq", 2), LongPoint.newExactQuery("seq", 3));
            w.addDocument(copy(three, 2, three.get("json")));
            w.addDocument(copy(two, 3, two.get("json")));
        });
        assertThat(AlertStore.verify(dir, null).problem()).contains("record 2 does not follow record 1");
    }

    @Test
    void anInsertedRecordAndACutTailAreCaught() throws Exception {
        tamper((w, s) -> w.addDocument(copy(record(s, 4), 4, record(s, 4).get("json"))));
        assertThat(AlertStore.verify(dir, null).problem()).isEqualTo("record 4 appears twice: a record was inserted");
    }

    @Test
    void removingTheNewestRecordsIsCaughtWithAKeptHead() throws Exception {
        tamper((w, s) -> w.deleteDocuments(LongPoint.newRangeQuery("seq", 4, 5)));
        assertThat(AlertStore.verify(dir, null).ok()).isTrue(); // without an outside copy, a cut tail looks whole
        assertThat(AlertStore.verify(dir, head).problem()).contains("records were removed from the end");
    }

    @Test
    void aRecordRecomputedWithoutTheKeyIsCaught() throws Exception {
        tamper((w, s) -> {
            Document d = record(s, 5);
            String json = d.get("json").replace("\"severity\":\"medium\"", "\"severity\":\"low\"");
            Document forged = copy(d, 5, json);
            forged.removeFields("hash");
            forged.add(new StoredField("hash", ChainHash.of(d.get("prev"), json))); // what anyone can compute
            w.deleteDocuments(LongPoint.newExactQuery("seq", 5));
            w.addDocument(forged);
        });
        ChainHash.Verification v = AlertStore.verify(dir, null);
        assertThat(v.ok()).isFalse();
        assertThat(v.problem()).startsWith("record 5 was hashed without the chain key");
    }

    @Test
    void aFlippedBitInASegmentIsABrokenVerdictNotACrash() throws Exception {
        Path segment;
        try (var files = java.nio.file.Files.list(dir)) {
            segment = files.filter(f -> f.getFileName().toString().matches("_.*\\.(cfs|fdt)"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x10;
        java.nio.file.Files.write(segment, bytes);
        ChainHash.Verification v = AlertStore.verify(dir, head);
        assertThat(v.ok()).isFalse();
        // where the bit lands decides how much is known: the damaged segment's first record, or nothing
        assertThat(v.problem()).contains("CorruptIndexException").containsPattern("no record can be vouched for|is in a damaged segment");
    }
}
