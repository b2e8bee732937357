package news.prokash.ranking.popular;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * buckets expire by themselves). Chunks that gained readers are put into the journal by
 * {@link #writePending()}, which the processor runs every few hundred milliseconds and, through
 * {@link CommitHook}, before every commit; the store's record cache merges what is put between
 * two commits. So the journal is as current as the commit (exactly-once holds: it commits with the
 * input offsets) at about one changelog record per {@value #CHUNK_READERS} readers, and a view
 * costs no store call at all.
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

    /** Buckets remembered by the lookup memo: a view asks its own, the one before and the one after. */
    private static final int MEMO = 4;

    private final long retentionMs;

    private final NavigableMap<Long, Bucket> buckets = new TreeMap<>();

    /** Chunks with readers not yet in the journal. */
    private final List<Chunk> unwritten = new ArrayList<>();

    /** The last buckets asked for (a miss too, as null), so that most views find theirs without boxing a key. */
    private final long[] memoStarts = new long[MEMO];

    private final @Nullable Bucket[] memoBuckets = new Bucket[MEMO];

    private int memoSize;

    private int memoNext;

    private @Nullable WindowStore<Long, byte[]> journal;

    private long nextSequence;

    /** @param retentionMs how long the journal keeps a bucket; older buckets are forgotten here too */
    CountedReaders(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    /**
     * Forgets everything, unwritten readers included, and reads the journal back. Kafka Streams
     * restores the store before it initializes processors, also when it revives a task after an
     * aborted transaction (same processor, store rolled back), so what is read here is exactly what
     * was committed.
     */
    void restore(WindowStore<Long, byte[]> store) {
        buckets.clear();
        unwritten.clear();
        forgetMemo();
        journal = store;
        long highest = -1;
        try (KeyValueIterator<Windowed<Long>, byte[]> chunks = store.all()) {
            while (chunks.hasNext()) {
                var chunk = chunks.next();
                long start = chunk.key.window().start();
                ReaderTable table = bucket(start).readers;
                ByteBuffer entries = ByteBuffer.wrap(chunk.value);
                if (entries.remaining() % ENTRY_BYTES != 0) {
                    throw new IllegalStateException("first-view chunk " + chunk.key.key() + " of bucket " + start
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
    @Nullable Long counted(long keyHash, long bucketStart) {
        Bucket bucket = find(bucketStart);
        if (bucket == null) {
            return null;
        }
        int offset = bucket.readers.get(keyHash);
        return offset == ReaderTable.ABSENT ? null : bucketStart + offset;
    }

    /** Records a counted view: in memory at once, in the journal with the next {@link #writePending()}. */
    void count(long keyHash, long bucketStart, long at) {
        int offset = Math.toIntExact(at - bucketStart);
        Bucket bucket = find(bucketStart);
        if (bucket == null) {
            bucket = bucket(bucketStart);
        }
        bucket.readers.put(keyHash, offset);
        Chunk chunk = bucket.open;
        if (chunk == null) {
            chunk = new Chunk(nextSequence++, bucketStart);
            bucket.open = chunk;
        }
        chunk.add(keyHash, offset);
        if (!chunk.unwritten) {
            chunk.unwritten = true;
            unwritten.add(chunk);
        }
        if (chunk.full()) {
            bucket.open = null;
        }
    }

    /** Puts every chunk that gained readers into the journal (its record cache takes them to the changelog). */
    void writePending() {
        if (unwritten.isEmpty()) {
            return;
        }
        WindowStore<Long, byte[]> store = require(journal);
        for (Chunk chunk : unwritten) {
            store.put(chunk.sequence, chunk.bytes(), chunk.bucket);
            chunk.unwritten = false;
        }
        unwritten.clear();
    }

    /** Buckets held (for tests). */
    int buckets() {
        return buckets.size();
    }

    private @Nullable Bucket find(long start) {
        for (int i = 0; i < memoSize; i++) {
            if (memoStarts[i] == start) {
                return memoBuckets[i];
            }
        }
        Bucket bucket = buckets.get(start);
        int slot = memoSize < MEMO ? memoSize++ : memoNext++ % MEMO;
        memoStarts[slot] = start;
        memoBuckets[slot] = bucket;
        return bucket;
    }

    /** The bucket, made if new; a new one drops those past the retention. */
    private Bucket bucket(long start) {
        Bucket bucket = buckets.get(start);
        if (bucket == null) {
            bucket = new Bucket();
            buckets.put(start, bucket);
            // the journal has dropped these segments too, so nothing behind them can be asked for or written
            long expired = start - retentionMs;
            buckets.headMap(expired, true).clear();
            unwritten.removeIf(chunk -> chunk.bucket <= expired);
            forgetMemo();
        }
        return bucket;
    }

    private void forgetMemo() {
        memoSize = 0;
        memoNext = 0;
        Arrays.fill(memoBuckets, null);
    }

    /**
     * The reader's key: FNV-1a over the UTF-16 chars of the article id's length in decimal, ':', the
     * article id and the visitor id (length-prefixed, so no pair of ids reads as another pair), then
     * MurmurHash3's 64-bit finalizer to spread the bits; computed over the parts without building
     * that string. The journal holds these values, so this function must never change.
     */
    static long hash(String articleId, String visitorId) {
        long h = 0xcbf29ce484222325L;
        h = fnvDecimal(h, articleId.length());
        h = (h ^ ':') * 0x100000001b3L;
        h = fnv(fnv(h, articleId), visitorId);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** {@link #fnv} over the chars of {@code Integer.toString(n)} (n ≥ 0), without making that string. */
    private static long fnvDecimal(long h, int n) {
        int divisor = 1;
        while (n / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            h = (h ^ ('0' + n / divisor % 10)) * 0x100000001b3L;
        }
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
            throw new IllegalStateException("used before restore()");
        }
        return store;
    }

    /** The readers of one dedup bucket and the chunk they are being journaled in. */
    private static final class Bucket {

        final ReaderTable readers = new ReaderTable();

        @Nullable Chunk open;
    }

    private static final class Chunk {

        final long sequence;

        final long bucket;

        boolean unwritten;

        private final ByteBuffer entries = ByteBuffer.allocate(CHUNK_READERS * ENTRY_BYTES);

        Chunk(long sequence, long bucket) {
            this.sequence = sequence;
            this.bucket = bucket;
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
