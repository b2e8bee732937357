package news.prokash.article.article;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * One item of a list answer; the field names are those of {@link news.prokash.contracts.Article}.
 *
 * @param position 1-based place in the whole list (continues across pages)
 * @param positionBn the same in Bengali digits, as the page shows it (১, ২ … ২০)
 * @param published the publish time as the page shows it ({@code প্রকাশ : …})
 */
record ArticleSummary(String id, String headline, String section, OffsetDateTime publishedAt, String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LeadImage leadImage, int position, String positionBn,
        String published) {

    ArticleSummary(String id, String headline, String section, OffsetDateTime publishedAt, String url,
            @Nullable LeadImage leadImage, int position) {
        this(id, headline, section, publishedAt, url, leadImage, position, BengaliFormat.number(position),
                BengaliFormat.published(publishedAt));
    }
}
