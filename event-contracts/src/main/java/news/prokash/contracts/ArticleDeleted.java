package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The article is gone for good. Sent as a value, not a tombstone, so that a replay of the
 * compacted topic still tells readers "410 Gone" rather than "never existed".
 */
public record ArticleDeleted(String articleId, long version, Instant occurredAt) implements ArticleEvent {

    public ArticleDeleted {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
    }

    @Override
    public @Nullable Article article() {
        return null;
    }
}
