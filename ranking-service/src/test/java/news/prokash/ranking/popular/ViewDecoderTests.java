package news.prokash.ranking.popular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import news.prokash.contracts.ViewReader;
import org.junit.jupiter.api.Test;

class ViewDecoderTests {

    private final ViewReader reader = new ViewReader();

    @Test
    void shouldTakeAViewKeyedByItsArticleIdInUtf8() {
        for (String id : new String[] { "01JZX5N3M8K2Q4R6T8V0W2Y4A6", "", "প্রকাশ-১৩", "a😀b" }) {
            ArticleViewed view = new ArticleViewed(id, "v", Instant.parse("2025-07-13T04:42:00Z"), null, null);
            assertThat(ViewDecoder.decode(reader, utf8(id), EventCodec.encode(view))).isEqualTo(view);
        }
    }

    @Test
    void shouldRefuseAViewKeyedByAnythingElse() {
        byte[] view = EventCodec.encode(new ArticleViewed("প্রকাশ-১৩", "v", Instant.parse("2025-07-13T04:42:00Z"),
                null, null));
        for (byte[] key : new byte[][] { null, utf8("প্রকাশ-১৪"), utf8("প্রকাশ-১"), utf8("প্রকাশ-১৩ "),
                utf8("x".repeat(utf8("প্রকাশ-১৩").length)), { (byte) 0xE0, (byte) 0xA6 } }) {
            assertThatExceptionOfType(EventFormatException.class)
                    .isThrownBy(() -> ViewDecoder.decode(reader, key, view))
                    .withMessage("record key is not the view's articleId");
        }
        assertThat(ViewDecoder.isUtf8Of(utf8("abc"), "abd")).isFalse();
        assertThat(ViewDecoder.isUtf8Of(utf8("abc"), "ab")).isFalse();
        assertThat(ViewDecoder.isUtf8Of(utf8("ab"), "abc")).isFalse();
        assertThat(ViewDecoder.isUtf8Of(utf8("aé"), "aé")).isTrue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
