package news.prokash.ingest.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The lines of an NDJSON body, read from the bytes: each line is decoded as strict UTF-8 on its own
 * (a {@code Reader} would replace bad bytes with U+FFFD and store the damage, or fail the whole request
 * half-way), and a line longer than a single request may be is skipped to its end, never held.
 */
final class NdjsonLines {

    sealed interface Line permits Text, TooLong, NotUtf8 {
    }

    record Text(String text) implements Line {
    }

    record TooLong() implements Line {
    }

    record NotUtf8() implements Line {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[8 * 1024];
    private int position;
    private int limit;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its line break, or null at the end of the body. */
    @Nullable Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? line(length, tooLong) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            if (!tooLong && length + n > maxLineBytes) {
                tooLong = true;
            }
            if (!tooLong) {
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + n)));
                }
                System.arraycopy(buffer, start, line, length, n);
                length += n;
            }
            if (position < limit) {
                position++; // the '\n'
                return line(length, tooLong);
            }
        }
    }

    private Line line(int length, boolean tooLong) {
        if (tooLong) {
            return new TooLong();
        }
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        // the String constructor is twice as fast as a decoder and replaces every bad sequence with U+FFFD:
        // without one in the result the bytes were valid; with one, the strict decoder tells whether it was sent
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return new Text(text);
        }
        try {
            return new Text(utf8.decode(ByteBuffer.wrap(line, 0, end)).toString());
        }
        catch (CharacterCodingException e) {
            return new NotUtf8();
        }
    }
}
