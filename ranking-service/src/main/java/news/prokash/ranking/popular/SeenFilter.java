package news.prokash.ranking.popular;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An in-memory Bloom filter in front of the dedup store, one per task and dedup bucket: "no" means
 * the store certainly holds no view of this key in that bucket, so the read is skipped. Nearly
 * every view is a reader's first of an article, and without it each cost two RocksDB reads that
 * found nothing (a third of the stream thread's time, JFR 2026-11-28).
 *
 * <p>Never a false "no": every key put in the store is added here, and a new task (also one
 * revived after an aborted transaction, whose store is restored) refills it from the store. A
 * false "maybe" (a key added but rolled back, a hash collision) only costs the read it would
 * have cost anyway.
 *
 * <p>Sized by use, not by configuration: each bucket starts with a small filter and adds one of
 * twice the size whenever the newest is full (a scalable Bloom filter), about 1.5 bytes per key.
 * After {@link #MAX_LAYERS} a bucket stops growing and answers "maybe" for keys it cannot place,
 * so memory stays bounded (about 3 MB per bucket) and lookups fall back to the store.
 */
final class SeenFilter {

    static final int FIRST_LAYER_KEYS = 1 << 16;

    static final int MAX_LAYERS = 5;

    /** 12 bits and 8 probes per key: about 0.3 % false "maybe" per layer. */
    private static final int BITS_PER_KEY = 12;

    private static final int PROBES = 8;

    private final long retentionMs;

    private final NavigableMap<Long, Bucket> buckets = new TreeMap<>();

    /** @param retentionMs how long the store keeps a bucket; older buckets are dropped here too */
    SeenFilter(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    /** @param keyHash {@link #hash} of the key: a view asks up to three buckets and adds to one, hashing once */
    boolean mightContain(long keyHash, long bucket) {
        Bucket filter = buckets.get(bucket);
        return filter != null && filter.mightContain(keyHash);
    }

    void add(long keyHash, long bucket) {
        Bucket filter = buckets.get(bucket);
        if (filter == null) {
            filter = new Bucket();
            buckets.put(bucket, filter);
            // the store has dropped these segments too, so nothing behind them can be asked for
            buckets.headMap(bucket - retentionMs, true).clear();
        }
        filter.add(keyHash);
    }

    /** Buckets held (for tests). */
    int buckets() {
        return buckets.size();
    }

    /** FNV-1a over the UTF-16 chars, then MurmurHash3's 64-bit finalizer to spread the bits. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** One bucket's filters, newest last. */
    private static final class Bucket {

        private final List<Layer> layers = new ArrayList<>(MAX_LAYERS);

        /** Keys that arrived after the last layer was full: from then on every question is "maybe". */
        private boolean saturated;

        Bucket() {
            layers.add(new Layer(FIRST_LAYER_KEYS));
        }

        boolean mightContain(long hash) {
            if (saturated) {
                return true;
            }
            for (Layer layer : layers) {
                if (layer.mightContain(hash)) {
                    return true;
                }
            }
            return false;
        }

        void add(long hash) {
            Layer newest = layers.getLast();
            if (newest.full()) {
                if (layers.size() == MAX_LAYERS) {
                    saturated = true;
                    return;
                }
                newest = new Layer(newest.capacity * 2);
                layers.add(newest);
            }
            newest.add(hash);
        }
    }

    private static final class Layer {

        final int capacity;

        private final long[] bits;

        private final int mask;

        private int keys;

        Layer(int capacity) {
            this.capacity = capacity;
            // a power of two of bits, so that a probe's position is a mask, not a division
            int size = Integer.highestOneBit(capacity * BITS_PER_KEY - 1) << 1;
            this.bits = new long[size >>> 6];
            this.mask = size - 1;
        }

        boolean full() {
            return keys >= capacity;
        }

        void add(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32) | 1;
            for (int i = 0; i < PROBES; i++) {
                int bit = (h1 + i * h2) & mask;
                bits[bit >>> 6] |= 1L << bit;
            }
            keys++;
        }

        boolean mightContain(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32) | 1;
            for (int i = 0; i < PROBES; i++) {
                int bit = (h1 + i * h2) & mask;
                if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
