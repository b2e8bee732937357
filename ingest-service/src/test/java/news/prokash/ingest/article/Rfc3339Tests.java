package news.prokash.ingest.article;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Rfc3339#parse} must answer exactly as {@link OffsetDateTime#parse}: same value, same refusals. */
class Rfc3339Tests {

    @ParameterizedTest
    @ValueSource(strings = { "2025-07-13T10:42:00+06:00", "2025-07-13T10:42+06:00", "2025-07-13T10:42:00Z",
            "2025-07-13T10:42:00.5+06:00", "2025-07-13T10:42:00.123456789-03:30", "0000-01-01T00:00Z",
            "9999-12-31T23:59:59.999999999+18:00", "2024-02-29T12:00:00-18:00", "2025-07-13T10:42:00-00:00" })
    void shouldTakeTheCommonFormsByHand(String text) {
        assertThat(Rfc3339.parseCommon(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-07-13T10:42:00+06:00", "2025-07-13t10:42:00z", "2025-07-13T10:42:00+0600",
            "2025-07-13T10:42:00+06", "2025-07-13T10:42:00+06:00:30", "2025-07-13T10:42:00.+06:00",
            "2025-07-13T10:42:00.1234567890+06:00", "2025-02-29T10:42:00+06:00", "2025-04-31T10:42:00+06:00",
            "2025-07-13T24:00:00+06:00", "2025-07-13T23:59:60+06:00", "2025-07-13T10:42:00+18:01",
            "2025-07-13T10:42:00+19:00", "2025-07-13T10:42:00", "2025-07-13 10:42:00+06:00", "+12025-07-13T10:42:00Z",
            "12025-07-13T10:42:00Z", "2025-7-13T10:42:00Z", "2025-07-13T10:42:00+06:00 ", " 2025-07-13T10:42:00Z",
            "2025-13-13T10:42:00Z", "2025-00-13T10:42:00Z", "2025-07-00T10:42:00Z", "2025-07-13T10:60:00Z", "",
            "২০২৫-০৭-১৩T10:42:00+06:00", "2025-07-13T10:42:00+০৬:00", "2025-07-13T10:42:00+06:0", "2025-07-13T10:4" })
    void shouldAnswerAsTheJdkDoes(String text) {
        assertSameAnswer(text);
    }

    /** Valid times with one character changed, dropped or added, and random valid ones: 200,000 of them. */
    @Test
    void shouldAnswerAsTheJdkDoesForMutatedTimes() {
        SplittableRandom random = new SplittableRandom(13);
        String alphabet = "0123456789-:T.Z+tz ৫";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(randomTime(random));
            int edits = random.nextInt(3);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, c);
                }
            }
            assertSameAnswer(text.toString());
        }
    }

    private static String randomTime(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        text.append("%04d-%02d-%02dT%02d:%02d".formatted(random.nextInt(10_000), 1 + random.nextInt(12),
                1 + random.nextInt(31), random.nextInt(24), random.nextInt(60)));
        if (random.nextInt(4) > 0) {
            text.append(":%02d".formatted(random.nextInt(60)));
            if (random.nextBoolean()) {
                text.append('.');
                int digits = 1 + random.nextInt(9);
                for (int d = 0; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
        }
        if (random.nextInt(5) == 0) {
            text.append('Z');
        }
        else {
            text.append("%s%02d:%02d".formatted(random.nextBoolean() ? "+" : "-", random.nextInt(19),
                    random.nextInt(4) * 15));
        }
        return text.toString();
    }

    private static void assertSameAnswer(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        }
        catch (DateTimeParseException e) {
            String message = e.getMessage();
            try {
                OffsetDateTime parsed = Rfc3339.parse(text);
                throw new AssertionError("\"" + text + "\" parsed as " + parsed + "; the JDK refuses it: " + message);
            }
            catch (DateTimeParseException refused) {
                assertThat(refused.getMessage()).as(text).isEqualTo(message);
                return;
            }
        }
        assertThat(Rfc3339.parse(text)).as(text).isEqualTo(expected);
    }
}
