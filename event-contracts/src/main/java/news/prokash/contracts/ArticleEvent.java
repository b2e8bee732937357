package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * One change of one article, as it travels on {@link Topics#ARTICLES} keyed by {@link #articleId()}.
 * {@link #version()} grows by at least one with every change, so a consumer can apply events
 * idempotently and ignore anything older than what it holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ArticlePublished.class, name = "ArticlePublished"),
        @JsonSubTypes.Type(value = ArticleUpdated.class, name = "ArticleUpdated"),
        @JsonSubTypes.Type(value = ArticleUnpublished.class, name = "ArticleUnpublished"),
        @JsonSubTypes.Type(value = ArticleDeleted.class, name = "ArticleDeleted") })
public sealed interface ArticleEvent permits ArticlePublished, ArticleUpdated, ArticleUnpublished, ArticleDeleted {

    String articleId();

    long version();

    /** When the change happened at the source (the editor's action), not when it was consumed. */
    Instant occurredAt();

    /** The article after this change; null only for a deletion. */
    @Nullable
    Article article();

    /**
     * The invariants every event record checks when it is built (also when it is decoded), so a
     * consumer never sees an event without identity, or one whose article is another article.
     */
    static void requireValid(String articleId, long version, Instant occurredAt, @Nullable Article article) {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
        if (article != null && (!article.id().equals(articleId) || article.version() != version)) {
            throw new IllegalArgumentException("article id/version differ from the event's");
        }
    }
}
