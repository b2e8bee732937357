package news.prokash.ranking.popular;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Lists answer {@code {"items": [...]}} so fields can be added beside the items later.
 *
 * @param ageSeconds how old the counts are (the list is rebuilt in the background; older while instances rebalance)
 */
record PopularList(List<PopularArticle> items, String window,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String section, double ageSeconds) {
}
