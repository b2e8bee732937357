package news.prokash.contracts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads a view the way producers write it, straight from the bytes: one flat object, string
 * fields without escapes, {@code "schemaVersion":1}, {@code viewedAt} as {@code Instant.toString()}
 * writes it. The ranking topology decodes every view, and Jackson's tree, record binding and
 * {@code DateTimeFormatter} took more of its thread than anything else (JFR, 2026-11-28: 28 %).
 *
 * <p>Anything else, valid or not (escapes, nested values, a repeated field, another version,
 * another time format, a missing field), answers {@code null}, and {@link EventCodec} reads it the
 * general way, so that path alone decides what is rejected and how. Whatever this reader returns,
 * the general way returns too (compared on random and mutated documents in the tests).
 *
 * <p>One instance reads one document after another, never two at once. With {@code remember}, it
 * hands out the same {@code String} for the same bytes of an article id, user agent or referrer
 * (they repeat from view to view; visitor ids mostly do not), which saves their allocation and
 * lets the consumer's maps use the hash the string already computed.
 */
final class PlainViewReader {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;

    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final long QUOTES = ONES * '"';

    private static final long BACKSLASHES = ONES * '\\';

    private static final long SPACES = ONES * ' ';

    private static final byte[] EMPTY = new byte[0];

    private final @Nullable RepeatedStrings repeated;

    private byte[] in = EMPTY;

    private int at;

    /** The last date read and its epoch day: views come in time order, so most share it. */
    private int lastYear = -1;

    private int lastMonth;

    private int lastDay;

    private long lastEpochDay;

    PlainViewReader(boolean remember) {
        this.repeated = remember ? new RepeatedStrings() : null;
    }

    /** @return the view, or {@code null} if the bytes are not in the plain form */
    static @Nullable ArticleViewed read(byte[] bytes) {
        return new PlainViewReader(false).view(bytes);
    }

    /** @return the view, or {@code null} if the bytes are not in the plain form */
    @Nullable ArticleViewed view(byte[] bytes) {
        in = bytes;
        at = 0;
        try {
            return view();
        }
        finally {
            in = EMPTY;
        }
    }

    private @Nullable ArticleViewed view() {
        boolean version = false;
        String articleId = null;
        String visitorId = null;
        Instant viewedAt = null;
        String referrer = null;
        String userAgent = null;
        int seen = 0; // one bit per known field: a repeated field goes the general way (there, the last wins)
        skipSpace();
        if (!take('{')) {
            return null;
        }
        skipSpace();
        if (take('}')) {
            return null;
        }
        do {
            skipSpace();
            int nameStart = at;
            if (!skipString()) {
                return null;
            }
            int field = field(nameStart + 1, at - 1);
            skipSpace();
            if (!take(':')) {
                return null;
            }
            skipSpace();
            if (field >= 0) {
                if ((seen & (1 << field)) != 0) {
                    return null;
                }
                seen |= 1 << field;
            }
            switch (field) {
                case SCHEMA_VERSION -> {
                    if (!take('1') || (at < in.length && (isLetterOrDigit(in[at]) || in[at] == '.'))) {
                        return null;
                    }
                    version = true;
                }
                case ARTICLE_ID -> articleId = string(true);
                case VISITOR_ID -> visitorId = string(false);
                case VIEWED_AT -> viewedAt = instant();
                // optional: null, or a plain string (anything else goes the general way)
                case REFERRER -> {
                    if (!takeNull() && (referrer = string(true)) == null) {
                        return null;
                    }
                }
                case USER_AGENT -> {
                    if (!takeNull() && (userAgent = string(true)) == null) {
                        return null;
                    }
                }
                default -> {
                    if (!skipScalar()) {
                        return null;
                    }
                }
            }
            skipSpace();
        } while (take(','));
        if (!take('}')) {
            return null;
        }
        skipSpace();
        if (at != in.length || !version || articleId == null || visitorId == null || viewedAt == null) {
            return null;
        }
        return new ArticleViewed(articleId, visitorId, viewedAt, referrer, userAgent);
    }

    private static final int SCHEMA_VERSION = 0;

    private static final int ARTICLE_ID = 1;

    private static final int VISITOR_ID = 2;

    private static final int VIEWED_AT = 3;

    private static final int REFERRER = 4;

    private static final int USER_AGENT = 5;

    private static final byte[][] FIELDS = {
            ascii("schemaVersion"), ascii("articleId"), ascii("visitorId"), ascii("viewedAt"), ascii("referrer"),
            ascii("userAgent") };

    /** @return the known field's number, or -1 for a field this version ignores */
    private int field(int start, int end) {
        for (int f = 0; f < FIELDS.length; f++) {
            byte[] name = FIELDS[f];
            if (name.length == end - start && Arrays.equals(in, start, end, name, 0, name.length)) {
                return f;
            }
        }
        return -1;
    }

    /**
     * A string without escapes or control characters, decoded as the general way decodes the whole
     * document; one that {@code repeats} from view to view is taken from the remembered ones.
     */
    private @Nullable String string(boolean repeats) {
        int start = at;
        if (!skipString()) {
            return null;
        }
        if (repeats && repeated != null) {
            return repeated.get(in, start + 1, at - 1);
        }
        return new String(in, start + 1, at - start - 2, StandardCharsets.UTF_8);
    }

    /** Moves past a plain string; false on anything else (escapes included). */
    private boolean skipString() {
        if (!take('"')) {
            return false;
        }
        // eight bytes at a time while none is a quote, a backslash or a control character; the first
        // word holding one (or a false alarm) is left to the byte loop, which decides
        while (at + Long.BYTES <= in.length) {
            long word = (long) LONGS.get(in, at);
            if ((zeroByte(word ^ QUOTES) | zeroByte(word ^ BACKSLASHES) | belowSpace(word)) != 0) {
                break;
            }
            at += Long.BYTES;
        }
        while (at < in.length) {
            byte b = in[at++];
            if (b == '"') {
                return true;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return false;
            }
        }
        return false;
    }

    /** Non-zero if a byte of the word is zero (exact for the lowest such byte, which is all the loop needs). */
    private static long zeroByte(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    /** Non-zero if an ASCII byte of the word is below ' ' (bytes of multi-byte UTF-8 sequences are not). */
    private static long belowSpace(long word) {
        return (word - SPACES) & ~word & HIGH_BITS;
    }

    /**
     * An ignored field's value: a plain string, an integer, true, false or null. Objects, arrays,
     * fractions and exponents go the general way.
     */
    private boolean skipScalar() {
        if (at < in.length && in[at] == '"') {
            return skipString();
        }
        int start = at;
        while (at < in.length && (isLetterOrDigit(in[at]) || in[at] == '-' || in[at] == '+' || in[at] == '.')) {
            at++;
        }
        return isInteger(start, at) || isToken(start, at, "true") || isToken(start, at, "false")
                || isToken(start, at, "null");
    }

    /** {@code -?(0|[1-9][0-9]*)}, JSON's integers. */
    private boolean isInteger(int start, int end) {
        if (start >= end) {
            return false;
        }
        int i = in[start] == '-' ? start + 1 : start;
        if (i >= end || (in[i] == '0' && end - i > 1)) {
            return false;
        }
        for (; i < end; i++) {
            if (in[i] < '0' || in[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isToken(int start, int end, String literal) {
        return end - start == literal.length() && is(start, literal);
    }

    private boolean takeNull() {
        if (is(at, "null") && (at + 4 == in.length || !isLetterOrDigit(in[at + 4]))) {
            at += 4;
            return true;
        }
        return false;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form {@code Instant.toString()} writes for
     * years 0000–9999; other forms the general way may also take (offsets, lower case, leap
     * seconds) go there.
     */
    private @Nullable Instant instant() {
        int start = at;
        if (!skipString()) {
            return null;
        }
        int s = start + 1;
        int end = at - 1;
        if (end - s < 20 || in[s + 4] != '-' || in[s + 7] != '-' || in[s + 10] != 'T' || in[s + 13] != ':'
                || in[s + 16] != ':' || in[end - 1] != 'Z') {
            return null;
        }
        int year = digits(s, 4);
        int month = digits(s + 5, 2);
        int day = digits(s + 8, 2);
        int hour = digits(s + 11, 2);
        int minute = digits(s + 14, 2);
        int second = digits(s + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fraction = s + 19;
        if (fraction < end - 1) {
            int length = end - 1 - fraction - 1;
            if (in[fraction] != '.' || length < 1 || length > 9) {
                return null;
            }
            nanos = digits(fraction + 1, length);
            if (nanos < 0) {
                return null;
            }
            for (int i = length; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        if (year == lastYear && month == lastMonth && day == lastDay) {
            epochDay = lastEpochDay;
        }
        else {
            try {
                epochDay = LocalDate.of(year, month, day).toEpochDay();
            }
            catch (DateTimeException e) {
                return null; // 30 February and the like: the general way words the error
            }
            lastYear = year;
            lastMonth = month;
            lastDay = day;
            lastEpochDay = epochDay;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits, or -1. */
    private int digits(int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = in[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private boolean is(int from, String literal) {
        if (from + literal.length() > in.length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (in[from + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean take(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }

    private static boolean isLetterOrDigit(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
