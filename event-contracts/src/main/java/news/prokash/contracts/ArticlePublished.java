package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

/** A new article was created (its publish time may still lie in the future). */
public record ArticlePublished(String articleId, long version, Instant occurredAt, Article article)
        implements ArticleEvent {

    public ArticlePublished {
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
