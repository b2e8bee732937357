package news.prokash.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlainViewReaderTests {

    /** Bengali, Latin, digits, punctuation, an emoji: what ids, referrers and user agents hold, minus escapes. */
    private static final String ALPHABET = "abcXYZ019-_./:;?&=+ প্রকাশজনপ্রিয়০১২৩ৎড়য়\u200d😀()[]{},'";

    /** One reader for many documents, as a consumer uses it: what it remembers must never change a result. */
    private final PlainViewReader remembering = new PlainViewReader(true);

    @Test
    void shouldReadWhatTheEncoderWritesItselfAndEqually() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            ArticleViewed view = randomView(random);
            byte[] bytes = EventCodec.encode(view);
            String doc = new String(bytes, StandardCharsets.UTF_8);
            assertThat(PlainViewReader.read(bytes)).as(doc).isEqualTo(view);
            assertThat(remembering.view(bytes)).as(doc).isEqualTo(view);
        }
    }

    @Test
    void shouldHandOutTheSameStringForRepeatedIdsAndAgentsButNotForVisitors() {
        ViewReader reader = new ViewReader();
        Instant at = Instant.parse("2025-07-13T04:42:00Z");
        String agent = "Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile";
        ArticleViewed first = reader.decode(EventCodec.encode(new ArticleViewed("01JZX5N3M8K2Q4R6T8V0W2Y4A6",
                "visitor-1", at, null, agent)));
        ArticleViewed second = reader.decode(EventCodec.encode(new ArticleViewed("01JZX5N3M8K2Q4R6T8V0W2Y4A6",
                "visitor-1", at.plusSeconds(90_000), "https://example.com/", agent)));
        assertThat(second.articleId()).isSameAs(first.articleId());
        assertThat(second.userAgent()).isSameAs(first.userAgent());
        assertThat(second.visitorId()).isEqualTo(first.visitorId()).isNotSameAs(first.visitorId());
        assertThat(second.viewedAt()).isEqualTo(at.plusSeconds(90_000));
        // what it remembers never leaks into another document
        ArticleViewed other = reader.decode(EventCodec.encode(new ArticleViewed("01JZX5N3M8K2Q4R6T8V0W2Y4A7",
                "visitor-2", at, null, null)));
        assertThat(other).isEqualTo(new ArticleViewed("01JZX5N3M8K2Q4R6T8V0W2Y4A7", "visitor-2", at, null, null));
    }

    @Test
    void shouldLeaveEscapesToTheGeneralWayWhichReadsThemEqually() {
        ArticleViewed view = new ArticleViewed("a\"1", "v\\7", Instant.parse("2025-07-13T05:00:00Z"), "line\nbreak",
                "tab\tua");
        byte[] bytes = EventCodec.encode(view);
        assertThat(PlainViewReader.read(bytes)).isNull();
        assertThat(EventCodec.decodeView(bytes)).isEqualTo(view);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            " {\"articleId\" : \"a\" , \"schemaVersion\" : 1 ,\n\"viewedAt\":\"2025-07-13T05:00:00.5Z\",\"visitorId\":\"v\",\"referrer\":null} ",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"0000-01-01T00:00:00.000000001Z\",\"later\":-12,\"x\":true,\"y\":\"z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"\",\"visitorId\":\"ভিজিটর\",\"viewedAt\":\"2024-02-29T23:59:59.999999999Z\",\"userAgent\":null}" })
    void shouldReadThePlainFormLikeTheGeneralWay(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(PlainViewReader.read(bytes)).isNotNull().isEqualTo(EventCodec.decodeViewInGeneral(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schemaVersion\":2,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "{\"schemaVersion\":1.0,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "{\"schemaVersion\":10,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "{\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"articleId\":\"b\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "{\"schemaVersion\":1,\"articleId\":7,\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00+06:00\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-02-29T05:00:00Z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T23:59:60Z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13t05:00:00z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00.Z\"}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":1752382800}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\",\"n\":{}}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\",\"n\":01}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\",\"n\":truex}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\"} {}",
            "{\"schemaVersion\":1,\"articleId\":\"a\",\"visitorId\":null,\"viewedAt\":\"2025-07-13T05:00:00Z\"}",
            "[]", "", "null" })
    void shouldLeaveEverythingElseToTheGeneralWay(String json) {
        assertThat(PlainViewReader.read(json.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    /**
     * The one property that matters: whatever the plain reader accepts, the general way reads the
     * same. Mutated encodings hit the reader's edges (cut strings, stray bytes, broken UTF-8,
     * doubled quotes) far more often than hand-written cases.
     */
    @Test
    void shouldNeverAcceptADocumentTheGeneralWayReadsDifferentlyOrRejects() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] interesting = "\"\\{}[],:01-.eEtrufalsnZT+ \n\u0080".getBytes(StandardCharsets.ISO_8859_1);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = EventCodec.encode(randomView(random));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                bytes = mutate(bytes, random, interesting);
            }
            ArticleViewed plain = PlainViewReader.read(bytes);
            String doc = new String(bytes, StandardCharsets.UTF_8);
            assertThat(remembering.view(bytes)).as(doc).isEqualTo(plain);
            if (plain != null) {
                accepted++;
                assertThat(EventCodec.decodeViewInGeneral(bytes)).as(doc).isEqualTo(plain);
            }
        }
        // the property is only worth something if many mutants were accepted
        assertThat(accepted).isGreaterThan(10_000);
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random, byte[] interesting) {
        int at = random.nextInt(bytes.length);
        byte b = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
        return switch (random.nextInt(3)) {
            case 0 -> { // replace
                byte[] out = bytes.clone();
                out[at] = b;
                yield out;
            }
            case 1 -> { // insert
                byte[] out = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, out, 0, at);
                out[at] = b;
                System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                yield out;
            }
            default -> { // delete
                byte[] out = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
                yield out;
            }
        };
    }

    /** Ids and agents that come again, as in a real stream (and days: the reader remembers the last one). */
    private static final String[] REPEATED = new SplittableRandom(1).ints(40, 0, Integer.MAX_VALUE)
            .mapToObj(seed -> text(new SplittableRandom(seed), 1)).toArray(String[]::new);

    private static ArticleViewed randomView(SplittableRandom random) {
        long seconds = random.nextBoolean()
                ? random.nextLong(-62_167_219_200L, 253_402_300_799L) // years 0000–9999
                : 1_752_364_800L + random.nextLong(3 * 86_400L); // three days of July 2025
        int nanos = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
        };
        return new ArticleViewed(maybeRepeated(random, 1), text(random, 1), Instant.ofEpochSecond(seconds, nanos),
                random.nextBoolean() ? null : maybeRepeated(random, 0),
                random.nextBoolean() ? null : maybeRepeated(random, 0));
    }

    private static String maybeRepeated(SplittableRandom random, int min) {
        return random.nextBoolean() ? REPEATED[random.nextInt(REPEATED.length)] : text(random, min);
    }

    /** Short or long: the reader scans strings eight bytes at a time, and the rest byte by byte. */
    private static String text(SplittableRandom random, int min) {
        StringBuilder text = new StringBuilder();
        int length = min + random.nextInt(random.nextBoolean() ? 12 : 70);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }
}
