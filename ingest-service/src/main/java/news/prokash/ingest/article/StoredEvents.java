package news.prokash.ingest.article;

import java.nio.ByteBuffer;
import java.util.Arrays;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * An event's bytes as the {@code article} table holds them: LZ4-compressed by the service. PostgreSQL
 * compressed the ~10 KB event of a seed-sized article with pglz, and that was over half of its CPU in a bulk
 * import (perf, 2026-11-28): LZ4 takes about 11 µs for it here, and the table stores the result as it is
 * (migration V2: no pglz on top, kept in the row up to a page).
 *
 * <p>Format: one marker byte (1), the event's length (4 bytes, big-endian), the LZ4 block. Rows written
 * before V2 hold the {@code EventCodec} bytes themselves, which start with '{', and are read as they are.
 */
final class StoredEvents {

    private static final byte LZ4_BLOCK = 1;
    private static final int HEADER = 5;

    /** An article's event is at most a few hundred KB (1 MB request limit); a larger length is a damaged row. */
    private static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
    private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();

    private StoredEvents() {
    }

    static byte[] pack(byte[] event) {
        int max = COMPRESSOR.maxCompressedLength(event.length);
        byte[] stored = new byte[HEADER + max];
        stored[0] = LZ4_BLOCK;
        ByteBuffer.wrap(stored, 1, 4).putInt(event.length);
        int length = COMPRESSOR.compress(event, 0, event.length, stored, HEADER, max);
        return Arrays.copyOf(stored, HEADER + length);
    }

    static byte[] unpack(byte[] stored) {
        if (stored.length == 0 || stored[0] != LZ4_BLOCK) {
            return stored; // written before V2
        }
        if (stored.length < HEADER) {
            throw new IllegalStateException("a stored event is cut short: " + stored.length + " bytes");
        }
        int length = ByteBuffer.wrap(stored, 1, 4).getInt();
        if (length < 0 || length > MAX_EVENT_BYTES) {
            throw new IllegalStateException("a stored event claims " + length + " bytes");
        }
        byte[] event = new byte[length];
        try {
            int read = DECOMPRESSOR.decompress(stored, HEADER, stored.length - HEADER, event, 0, length);
            if (read != length) {
                throw new IllegalStateException("a stored event decompressed to " + read + " bytes, not " + length);
            }
        }
        catch (LZ4Exception e) {
            throw new IllegalStateException("a stored event is damaged", e);
        }
        return event;
    }
}
