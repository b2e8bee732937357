package news.prokash.contracts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The article is gone for good. Sent as a value, not a tombstone, so that a replay of the
 * compacted topic still tells readers "410 Gone" rather than "never existed".
 */
public record ArticleDeleted(String articleId, long version, Instant occurredAt) implements ArticleEvent {

    public ArticleDeleted {
        ArticleEvent.requireValid(articleId, version, occurredAt, null);
    }

    @Override
    public @Nullable Article article() {
        return null;
    }
}
