package news.prokash.ranking.view;

import java.time.Duration;
import java.time.Instant;

import news.prokash.contracts.EventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewRequestTests {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void shouldTakeBengaliEmojiAndMarkupAsPlainText() {
        for (String text : new String[] { "পাঠক-১২৩", "👨‍👩‍👧", "ক্\u200Dষ", "<script>alert(1)</script>", "a b" }) {
            assertThat(ViewRequest.isPlainText(text)).as(text).isTrue();
        }
    }

    @Test
    void shouldRefuseControlCharactersAndUnpairedSurrogates() {
        for (String text : new String[] { "\u0000", "a\r\nb", "\u001b[31m", "\u007f", "\u0085", "\ud800", "x\udc00", "\ud83d" }) {
            assertThat(ViewRequest.isPlainText(text)).as(text).isFalse();
        }
    }

    @Test
    void shouldNameEachFieldThatIsNotPlainText() {
        ViewRequest request = new ViewRequest("a\u0000", "v\ud800", null, "r\n", "u\u0007");
        assertThat(request.errors(NOW, Duration.ofMinutes(2), Duration.ofHours(1)))
                .extracting(error -> error.field())
                .containsExactly("articleId", "visitorId", "referrer", "userAgent");
    }

    @Test
    void shouldCleanAndCutTheUserAgentHeaderWithoutSplittingASurrogatePair() {
        ViewRequest request = new ViewRequest("a", "v", null, null, null);
        String agent = "x".repeat(ViewRequest.MAX_USER_AGENT - 1) + "😀";
        String cut = request.toEvent(agent, NOW).userAgent();
        assertThat(cut).hasSize(ViewRequest.MAX_USER_AGENT - 1);
        assertThat(request.toEvent("Moz\u0000illa\u0007", NOW).userAgent()).isEqualTo("Mozilla");
        // what is left can always be written
        assertThat(EventCodec.decodeView(EventCodec.encode(request.toEvent(agent, NOW))).userAgent()).isEqualTo(cut);
    }
}
