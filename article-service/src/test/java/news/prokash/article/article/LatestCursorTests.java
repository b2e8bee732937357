package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatestCursorTests {

    @Test
    void shouldComeBackAsItWentOutToTheMicrosecond() {
        LatestCursor cursor = new LatestCursor(Instant.parse("2025-07-13T04:42:00.123456Z"), "id|with|bars", 20);

        assertThat(LatestCursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
    }

    @Test
    void shouldKeepInstantsBeforeTheEpoch() {
        LatestCursor cursor = new LatestCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "old", 1);

        assertThat(LatestCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void shouldRefuseWhatItDidNotHandOut() {
        assertThat(LatestCursor.decode("")).isEmpty();
        assertThat(LatestCursor.decode("not base64 at all!")).isEmpty();
        assertThat(LatestCursor.decode(encode("v2|1|1|a"))).isEmpty();
        assertThat(LatestCursor.decode(encode("v1|x|1|a"))).isEmpty();
        assertThat(LatestCursor.decode(encode("v1|1|0|a"))).isEmpty();
        assertThat(LatestCursor.decode(encode("v1|1|1|"))).isEmpty();
        assertThat(LatestCursor.decode(encode("v1|99999999999999999999|1|a"))).isEmpty();
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
