package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

/** A new article was created (its publish time may still lie in the future). */
public record ArticlePublished(String articleId, long version, Instant occurredAt, Article article)
        implements ArticleEvent {

    public ArticlePublished {
        ArticleEvent.requireValid(articleId, version, occurredAt, Objects.requireNonNull(article, "article"));
    }
}
