package news.prokash.ranking.popular;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/** One entry of the popular list, as the walking-skeleton contract names it. */
record PopularArticle(int rank, String id, String headline, String section, OffsetDateTime publishedAt, String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LeadImage leadImage, long views) {
}
