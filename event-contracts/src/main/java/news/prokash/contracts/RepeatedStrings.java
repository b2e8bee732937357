package news.prokash.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings last decoded from given UTF-8 bytes, so that bytes seen again give the same
 * {@code String} without decoding or allocating. Direct-mapped: a slot holds the last string whose
 * bytes hashed to it, so memory stays fixed (about {@value #SLOTS} strings) whatever comes.
 * Not thread-safe.
 */
final class RepeatedStrings {

    private static final int SLOTS = 8192;

    /** Longer strings are decoded each time: rarely repeated, and costly to compare. */
    private static final int MAX_BYTES = 512;

    private final byte[][] keys = new byte[SLOTS][];

    private final String[] values = new String[SLOTS];

    /** The string of {@code in[from, to)} decoded as UTF-8. */
    String get(byte[] in, int from, int to) {
        int length = to - from;
        if (length > MAX_BYTES) {
            return new String(in, from, length, StandardCharsets.UTF_8);
        }
        int hash = length;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + in[i];
        }
        int slot = (hash ^ (hash >>> 13)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, in, from, to)) {
            return values[slot];
        }
        String value = new String(in, from, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(in, from, to);
        values[slot] = value;
        return value;
    }
}
