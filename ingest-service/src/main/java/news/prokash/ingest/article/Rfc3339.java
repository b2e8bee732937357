package news.prokash.ingest.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * {@link OffsetDateTime#parse} with a hand-written path for the form editors' tools send,
 * {@code 2025-07-13T10:42:00+06:00} (seconds, a fraction of 1 to 9 digits and {@code Z} optional).
 * {@code DateTimeFormatter} took 3.5 % of the ingest threads' CPU (JFR, 2026-11-29): it parses into a
 * map of fields and resolves them, and each article's time was parsed twice (validation, then the
 * article). Anything else, including every value this path would refuse, goes to {@code OffsetDateTime.parse},
 * so results and errors are exactly its own.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** The same result as {@code OffsetDateTime.parse(text)}, or its {@code DateTimeParseException}. */
    static OffsetDateTime parse(String text) {
        OffsetDateTime common = parseCommon(text);
        return common != null ? common : OffsetDateTime.parse(text);
    }

    /** The common form in range, or null for anything else (left to the JDK). */
    static @Nullable OffsetDateTime parseCommon(String s) {
        int n = s.length();
        // yyyy-MM-ddTHH:mm is 16 characters, and an offset at least 1 more
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = 0;
        int nano = 0;
        int at = 16;
        if (at < n && s.charAt(at) == ':') {
            second = digits(s, at + 1, 2);
            at += 3;
            if (at < n && s.charAt(at) == '.') {
                int start = ++at;
                while (at < n && at - start < 9 && isDigit(s.charAt(at))) {
                    nano = nano * 10 + s.charAt(at++) - '0';
                }
                if (at == start || at < n && isDigit(s.charAt(at))) {
                    return null; // no digit after the point, or more than nine
                }
                for (int scale = at - start; scale < 9; scale++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset = offset(s, at);
        if ((year | month | day | hour | minute | second) < 0 || offset == null
                || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nano), offset);
        }
        catch (DateTimeException e) {
            return null; // 31 April, 29 February of a common year: the JDK's parse words the error
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code at}; null for anything else. */
    private static @Nullable ZoneOffset offset(String s, int at) {
        int n = s.length();
        if (at == n - 1 && s.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (at != n - 6 || s.charAt(at + 3) != ':') {
            return null;
        }
        char sign = s.charAt(at);
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if (sign != '+' && sign != '-' || hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
            return null;
        }
        int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
