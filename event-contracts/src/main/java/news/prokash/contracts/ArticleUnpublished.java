package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

/** The article must disappear from every public read; its content is kept for the newsroom. */
public record ArticleUnpublished(String articleId, long version, Instant occurredAt, Article article)
        implements ArticleEvent {

    public ArticleUnpublished {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
        Objects.requireNonNull(article, "article");
        if (!article.id().equals(articleId) || article.version() != version) {
            throw new IllegalArgumentException("article id/version differ from the event's");
        }
    }
}
