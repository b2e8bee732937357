package news.prokash.ingest.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import news.prokash.ingest.config.Utf8Check;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an NDJSON body, read from the bytes: each line is checked as strict UTF-8 on its own
 * (a {@code Reader} would replace bad bytes with U+FFFD and store the damage, or fail the whole request
 * half-way), and a line longer than a single request may be is skipped to its end, never held. A line
 * stays bytes: Jackson parses UTF-8 bytes faster than a String decoded from them, and the decoding was
 * about a twentieth of a bulk import's CPU (JFR).
 */
final class NdjsonLines {

    sealed interface Line permits Text, TooLong, NotUtf8 {
    }

    /** A line of well-formed UTF-8: its bytes, a copy (the reader's buffer holds the next line). */
    record Text(byte[] utf8) implements Line {

        static Text of(String text) {
            return new Text(text.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** {@link String#isBlank}'s answer, from the bytes while they are ASCII. */
        boolean isBlank() {
            for (byte b : utf8) {
                if (b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F) {
                    continue; // what Character.isWhitespace calls whitespace below U+0080
                }
                return b < 0 && text().isBlank(); // another ASCII character, or ask about the rest decoded
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text text && Arrays.equals(utf8, text.utf8);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return "Text[" + text() + "]";
        }
    }

    record TooLong() implements Line {
    }

    record NotUtf8() implements Line {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
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
        Utf8Check utf8 = new Utf8Check();
        return utf8.accept(line, 0, end) && utf8.complete() ? new Text(Arrays.copyOf(line, end)) : new NotUtf8();
    }
}
