package news.prokash.article.article;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.Article;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/articles/{id}/versions}: every version consumed, oldest first. */
record ArticleVersions(String id, List<Entry> items) {

    /**
     * @param type the event type ({@code ArticlePublished}, {@code ArticleUpdated}, …)
     * @param occurredAt when the editor made the change
     */
    record Entry(long version, String type, Instant occurredAt) {
    }

    /** {@code GET /api/v1/articles/{id}/versions/{n}}: one version with the article as it was then. */
    record Detail(long version, String type, Instant occurredAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Article article) {
    }
}
