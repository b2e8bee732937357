package news.prokash.ranking.popular;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * Which readers one task has counted, per dedup bucket: exact, in memory, and journaled to a
 * changelogged store so that a restarted or moved task knows them again.
 *
 * <p>Why not one store entry per reader: a put into a changelogged RocksDB store costs more than
 * everything else done for a view (the benchmark's floor: 8 % of the raw consumer rate with one
 * such put per record and nothing else). Here the readers are appended to <em>chunks</em> of
 * {@link #CHUNK_READERS}; the journal store {@code first-view-chunks} holds one entry per chunk,
 * keyed by a per-task sequence number under the chunk's dedup bucket (a window store, so whole
 * buckets expire by themselves). Every new reader re-puts its chunk, but the store has a record
 * cache: repeated puts of one chunk within a commit interval are merged there, and only the last
 * version of each chunk reaches RocksDB and the changelog when Kafka Streams commits. So the
 * journal is as current as the commit (exactly-once holds: it commits with the input offsets) at
 * about one changelog record per {@value #CHUNK_READERS} readers.
 *
 * <p>Lookups never touch the store. The price is memory: about 20–40 bytes per counted reader
 * still within the store's retention (two dedup periods and the grace), see {@link ReaderTable}.
 *
 * <p>A key is a 64-bit hash of (article, visitor). Two keys sharing a hash would make the second
 * reader's view a repeat: with n readers in a bucket that happens to a view with probability
 * about n / 2^64.
 */
final class CountedReaders {

    static final int CHUNK_READERS = 64;

    /** A reader in a chunk: the key hash and the view's time in ms after the bucket start. */
    private static final int ENTRY_BYTES = Long.BYTES + Integer.BYTES;

    private final long retentionMs;

    private final NavigableMap<Long, ReaderTable> buckets = new TreeMap<>();

    /** The chunk being filled, per bucket (late views fill an older bucket's). */
    private final Map<Long, Chunk> open = new HashMap<>();

    private @Nullable WindowStore<Long, byte[]> journal;

    private long nextSequence;

    /** @param retentionMs how long the journal keeps a bucket; older buckets are forgotten here too */
    CountedReaders(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    /**
     * Forgets everything and reads the journal back. Kafka Streams restores the store before it
     * initializes processors, also when it revives a task after an aborted transaction (same
     * processor, store rolled back), so what is read here is exactly what was committed.
     */
    void restore(WindowStore<Long, byte[]> store) {
        buckets.clear();
        open.clear();
        journal = store;
        long highest = -1;
        try (KeyValueIterator<Windowed<Long>, byte[]> chunks = store.all()) {
            while (chunks.hasNext()) {
                var chunk = chunks.next();
                long bucket = chunk.key.window().start();
                ReaderTable table = table(bucket);
                ByteBuffer entries = ByteBuffer.wrap(chunk.value);
                if (entries.remaining() % ENTRY_BYTES != 0) {
                    throw new IllegalStateException("first-view chunk " + chunk.key.key() + " of bucket " + bucket
                            + " has " + entries.remaining() + " bytes, not a whole number of readers");
                }
                while (entries.hasRemaining()) {
                    table.put(entries.getLong(), entries.getInt());
                }
                highest = Math.max(highest, chunk.key.key());
            }
        }
        // a sequence number is never reused, so no chunk of this task overwrites another
        nextSequence = highest + 1;
    }

    /** @return when the reader's counted view in that bucket was, or {@code null} if none was counted there */
    @Nullable Long counted(long keyHash, long bucket) {
        ReaderTable table = buckets.get(bucket);
        if (table == null) {
            return null;
        }
        int offset = table.get(keyHash);
        return offset == ReaderTable.ABSENT ? null : bucket + offset;
    }

    /** Records a counted view: in memory at once, in the journal when the task commits. */
    void count(long keyHash, long bucket, long at) {
        int offset = Math.toIntExact(at - bucket);
        table(bucket).put(keyHash, offset);
        Chunk chunk = open.get(bucket);
        if (chunk == null) {
            chunk = new Chunk(nextSequence++);
            open.put(bucket, chunk);
        }
        chunk.add(keyHash, offset);
        require(journal).put(chunk.sequence, chunk.bytes(), bucket);
        if (chunk.full()) {
            open.remove(bucket);
        }
    }

    /** Buckets held (for tests). */
    int buckets() {
        return buckets.size();
    }

    private ReaderTable table(long bucket) {
        ReaderTable table = buckets.get(bucket);
        if (table == null) {
            table = new ReaderTable();
            buckets.put(bucket, table);
            // the journal has dropped these segments too, so nothing behind them can be asked for
            var expired = buckets.headMap(bucket - retentionMs, true);
            expired.keySet().forEach(open::remove);
            expired.clear();
        }
        return table;
    }

    /**
     * The reader's key: FNV-1a over the UTF-16 chars of the article id's length in decimal, ':', the
     * article id and the visitor id (length-prefixed, so no pair of ids reads as another pair), then
     * MurmurHash3's 64-bit finalizer to spread the bits; computed over the parts without building
     * that string. The journal holds these values, so this function must never change.
     */
    static long hash(String articleId, String visitorId) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, Integer.toString(articleId.length()));
        h = (h ^ ':') * 0x100000001b3L;
        h = fnv(fnv(h, articleId), visitorId);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long fnv(long h, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            h = (h ^ chars.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static WindowStore<Long, byte[]> require(@Nullable WindowStore<Long, byte[]> store) {
        if (store == null) {
            throw new IllegalStateException("count() before restore()");
        }
        return store;
    }

    private static final class Chunk {

        final long sequence;

        private final ByteBuffer entries = ByteBuffer.allocate(CHUNK_READERS * ENTRY_BYTES);

        Chunk(long sequence) {
            this.sequence = sequence;
        }

        void add(long keyHash, int offset) {
            entries.putLong(keyHash).putInt(offset);
        }

        boolean full() {
            return !entries.hasRemaining();
        }

        /** A copy: the record cache keeps the array it is given until the commit. */
        byte[] bytes() {
            return Arrays.copyOf(entries.array(), entries.position());
        }
    }
}
