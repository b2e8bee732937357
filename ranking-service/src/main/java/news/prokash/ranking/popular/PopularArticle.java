package news.prokash.ranking.popular;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a list, as the walking-skeleton contract names it.
 *
 * @param views distinct-visitor views in the window (trending: in the last hour)
 * @param acceleration trending only: views in the last hour over the article's recent hourly baseline
 */
record PopularArticle(int rank, String id, String headline, String section, OffsetDateTime publishedAt, String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LeadImage leadImage, long views,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double acceleration) {
}
