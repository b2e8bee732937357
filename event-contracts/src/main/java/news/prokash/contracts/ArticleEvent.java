package news.prokash.contracts;

import java.time.Instant;

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
}
