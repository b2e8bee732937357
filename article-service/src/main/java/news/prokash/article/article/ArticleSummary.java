package news.prokash.article.article;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/** One item of a list answer; the field names are those of {@link news.prokash.contracts.Article}. */
record ArticleSummary(String id, String headline, String section, OffsetDateTime publishedAt, String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LeadImage leadImage) {
}
