package news.prokash.contracts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings last decoded from given UTF-8 bytes, so that bytes seen again give the same
 * {@code String} without decoding or allocating: for values that repeat from record to record,
 * such as article ids and user agents in a stream of views. Direct-mapped: a slot holds the last
 * string whose bytes hashed to it, so memory stays fixed (at most {@value #SLOTS} strings of up to
 * {@value #MAX_BYTES} bytes) whatever comes.
 *
 * <p>Safe to share between threads without locks: a slot holds an immutable entry, so a thread
 * sees either a whole entry or another one, and compares its bytes before using it.
 */
public final class RepeatedStrings {

    private static final int SLOT_BITS = 13;

    private static final int SLOTS = 1 << SLOT_BITS;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Longer strings are decoded each time: rarely repeated, and costly to compare. */
    private static final int MAX_BYTES = 512;

    private final Entry[] entries = new Entry[SLOTS];

    /** The string of {@code in[from, to)} decoded as UTF-8 (malformed bytes replaced, as the JDK does). */
    public String get(byte[] in, int from, int to) {
        int length = to - from;
        if (length > MAX_BYTES) {
            return new String(in, from, length, StandardCharsets.UTF_8);
        }
        int slot = (int) (hash(in, from, to) >>> (Long.SIZE - SLOT_BITS));
        Entry entry = entries[slot];
        if (entry != null && Arrays.equals(entry.bytes, 0, entry.bytes.length, in, from, to)) {
            return entry.value;
        }
        String value = new String(in, from, length, StandardCharsets.UTF_8);
        entries[slot] = new Entry(Arrays.copyOfRange(in, from, to), value);
        return value;
    }

    /**
     * Cheaper than hashing every byte: the length and the first, middle and last eight bytes (where
     * ids and user agents differ), mixed; any collision only costs a decoding, never a wrong string.
     */
    private static long hash(byte[] in, int from, int to) {
        int length = to - from;
        long hash = length;
        if (length >= Long.BYTES) {
            hash ^= (long) LONGS.get(in, from) * 0x9E3779B97F4A7C15L;
            hash ^= Long.rotateLeft((long) LONGS.get(in, from + (length - Long.BYTES) / 2) * 0xC2B2AE3D27D4EB4FL, 21);
            hash ^= Long.rotateLeft((long) LONGS.get(in, to - Long.BYTES) * 0x165667B19E3779F9L, 42);
        }
        else {
            for (int i = from; i < to; i++) {
                hash = hash * 31 + in[i];
            }
        }
        return hash * 0x9E3779B97F4A7C15L;
    }

    private record Entry(byte[] bytes, String value) {
    }
}
