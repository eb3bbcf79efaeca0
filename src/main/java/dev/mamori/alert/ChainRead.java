package dev.mamori.alert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Reads an alert store's chain for {@link AlertStore#verify} so that a damaged store is a verdict
 * rather than an exception: every segment's checksums are checked before its records are trusted
 * (a flipped bit anywhere fails them), and a segment that cannot be checked or read makes the
 * chain break at the first record it holds (or, when even its numbers are unreadable, right after
 * the last good record). A store that cannot be opened at all is broken before its first record.
 */
final class ChainRead {

    private ChainRead() {
    }

    /** A segment whose records cannot be vouched for. {@code firstSeq} is -1 when its numbers are unreadable too. */
    private record Damage(String segment, long firstSeq, String reason) {
    }

    static ChainHash.Verification verify(Path dir, String keptHead, ChainKey key) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir)) {
            DirectoryReader reader;
            try {
                reader = DirectoryReader.open(d);
            } catch (IndexNotFoundException none) {
                throw none;
            } catch (IOException | RuntimeException e) {
                return ChainHash.Verification.broken(0, "the store cannot be opened (" + describe(e)
                        + "): no record can be vouched for, record 1 on");
            }
            try (reader) {
                if (intact(reader)) {
                    try {
                        return inOrder(reader, keptHead, key);
                    } catch (IOException | RuntimeException unreadable) {
                        // a record that cannot be read after all: the segment-by-segment reading names where
                    }
                }
                List<ChainHash.Link> links = new ArrayList<>();
                List<Damage> damage = new ArrayList<>();
                for (LeafReaderContext leaf : reader.leaves()) {
                    read(leaf, links, damage);
                }
                links.sort(Comparator.comparingLong(ChainHash.Link::seq));
                if (damage.isEmpty()) {
                    return ChainHash.verify(links, keptHead, key);
                }
                return brokenAt(links, damage, key);
            }
        }
    }

    /** True when every segment's checksums hold. */
    private static boolean intact(DirectoryReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            try {
                if (leaf.reader() instanceof CodecReader codec) {
                    codec.checkIntegrity();
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** Records read 5,000 at a time in order of number, each checked as it comes: the memory of a page, whatever the store. */
    private static ChainHash.Verification inOrder(DirectoryReader reader, String keptHead, ChainKey key) throws IOException {
        ChainHash.Verifier v = new ChainHash.Verifier(keptHead, key);
        AlertStore.forEachPage(new org.apache.lucene.search.IndexSearcher(reader), new org.apache.lucene.search.MatchAllDocsQuery(),
                new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField("seq",
                        org.apache.lucene.search.SortField.Type.LONG)),
                d -> v.add(new ChainHash.Link(d.getField("seq").numericValue().longValue(), d.get("json"), d.get("prev"),
                        d.get("hash"))));
        return v.result();
    }

    private static void read(LeafReaderContext leaf, List<ChainHash.Link> links, List<Damage> damage) {
        LeafReader r = leaf.reader();
        String segment = r instanceof SegmentReader sr ? "segment " + sr.getSegmentName() : "segment " + leaf.ord;
        List<ChainHash.Link> mine = new ArrayList<>();
        try {
            if (r instanceof CodecReader codec) {
                codec.checkIntegrity(); // every file's checksum: what a flipped bit fails
            }
            StoredFields stored = r.storedFields();
            Bits live = r.getLiveDocs();
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document d = stored.document(doc);
                mine.add(new ChainHash.Link(d.getField("seq").numericValue().longValue(), d.get("json"), d.get("prev"),
                        d.get("hash")));
            }
        } catch (IOException | RuntimeException e) {
            damage.add(new Damage(segment, firstSeq(r), describe(e)));
            return;
        }
        links.addAll(mine);
    }

    /** The lowest record number in a segment, from its doc values; -1 when those are unreadable too. */
    private static long firstSeq(LeafReader r) {
        try {
            NumericDocValues seqs = r.getNumericDocValues("seq");
            long min = Long.MAX_VALUE;
            if (seqs != null) {
                for (int doc = seqs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = seqs.nextDoc()) {
                    min = Math.min(min, seqs.longValue());
                }
            }
            return min == Long.MAX_VALUE ? -1 : min;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The break at the earliest damaged segment; the records before it are checked as usual. */
    private static ChainHash.Verification brokenAt(List<ChainHash.Link> links, List<Damage> damage, ChainKey key) {
        Damage first = damage.stream().min(Comparator.comparingLong(x -> x.firstSeq() < 0 ? Long.MAX_VALUE : x.firstSeq()))
                .orElseThrow();
        long before = first.firstSeq() < 0 ? Long.MAX_VALUE : first.firstSeq();
        List<ChainHash.Link> prefix = links.stream().filter(l -> l.seq() < before).toList();
        ChainHash.Verification v = ChainHash.verify(prefix, null, key);
        if (!v.ok()) {
            return v; // an earlier break, in readable records
        }
        long bad = first.firstSeq() < 0 ? v.records() + 1 : first.firstSeq();
        return ChainHash.Verification.broken(v.records(), "record " + bad + (first.firstSeq() < 0 ? " or a later one" : "")
                + " is in a damaged " + first.segment() + " (" + first.reason() + ")"
                + (damage.size() > 1 ? "; " + (damage.size() - 1) + " more segment(s) damaged" : ""));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
