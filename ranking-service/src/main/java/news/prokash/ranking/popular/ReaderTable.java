package news.prokash.ranking.popular;

/**
 * The readers counted in one dedup bucket of one task: a hash of (article, visitor) mapped to the
 * counted view's time as milliseconds into the bucket. Open addressing over two primitive arrays
 * (12 bytes a slot, at most 60 % full), because a {@code HashMap<Long, Integer>} would take about
 * 80 bytes per reader and a boxed lookup per view.
 */
final class ReaderTable {

    static final int ABSENT = -1;

    /** Slot marker; a key that hashes to it is stored as {@link #ZERO_KEY} (one 64-bit value in 2^64 shared). */
    private static final long EMPTY = 0;

    private static final long ZERO_KEY = 1;

    private long[] keys;

    private int[] offsets;

    private int mask;

    private int size;

    ReaderTable() {
        this(1 << 10);
    }

    ReaderTable(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1;
        keys = new long[capacity];
        offsets = new int[capacity];
        mask = capacity - 1;
    }

    /** @return the offset stored for the key, or {@link #ABSENT} */
    int get(long keyHash) {
        long key = keyHash == EMPTY ? ZERO_KEY : keyHash;
        int slot = slotOf(key);
        return keys[slot] == key ? offsets[slot] : ABSENT;
    }

    /** Stores or replaces the offset (≥ 0) of a key. */
    void put(long keyHash, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
        long key = keyHash == EMPTY ? ZERO_KEY : keyHash;
        if ((size + 1) * 5L > keys.length * 3L) {
            grow();
        }
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        offsets[slot] = offset;
    }

    int size() {
        return size;
    }

    /** The key's slot, or the empty slot where it would go (linear probing; the table is never full). */
    private int slotOf(long key) {
        // the keys are already mixed hashes: fold the halves, mask
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != key && keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldOffsets = offsets;
        keys = new long[oldKeys.length * 2];
        offsets = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                offsets[slot] = oldOffsets[i];
            }
        }
    }
}
