package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

/** The article must disappear from every public read; its content is kept for the newsroom. */
public record ArticleUnpublished(String articleId, long version, Instant occurredAt, Article article)
        implements ArticleEvent {

    public ArticleUnpublished {
        ArticleEvent.requireValid(articleId, version, occurredAt, Objects.requireNonNull(article, "article"));
    }
}
