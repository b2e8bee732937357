package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

/** An editor replaced an article's content; {@link #article()} is the full new state. */
public record ArticleUpdated(String articleId, long version, Instant occurredAt, Article article)
        implements ArticleEvent {

    public ArticleUpdated {
        ArticleEvent.requireValid(articleId, version, occurredAt, Objects.requireNonNull(article, "article"));
    }
}
