package news.prokash.article.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Every list answer of the platform is an object, so fields can be added beside the items.
 *
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
record ArticleList(List<ArticleSummary> items, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor) {
}
