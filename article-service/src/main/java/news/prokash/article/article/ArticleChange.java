package news.prokash.article.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * What one event does to the {@code articles} table, as column values. Kept free of JDBC so the
 * mapping is tested without a database.
 *
 * @param article the new content; null for a deletion, which changes only the status
 */
record ArticleChange(String id, long version, ArticleStatus status, String eventType, Instant occurredAt,
        @Nullable Article article) {

    static ArticleChange of(ArticleEvent event) {
        return new ArticleChange(event.articleId(), event.version(), statusAfter(event),
                event.getClass().getSimpleName(), event.occurredAt(), event.article());
    }

    static ArticleStatus statusAfter(ArticleEvent event) {
        return switch (event) {
            case ArticleDeleted deleted -> ArticleStatus.DELETED;
            case ArticleUnpublished unpublished -> ArticleStatus.UNPUBLISHED;
            // an editor may publish or edit an article whose own status says otherwise; trust the article
            case ArticlePublished published -> published.article().status();
            case ArticleUpdated updated -> updated.article().status();
        };
    }

    boolean isDeletion() {
        return article == null;
    }

    /** Named parameters of the upsert; the names are the column names. */
    Map<String, @Nullable Object> columns() {
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("id", id);
        columns.put("version", version);
        columns.put("status", status.wireName());
        Article a = article;
        if (a == null) {
            columns.put("updated_at", occurredAt.atOffset(ZoneOffset.UTC));
            columns.put("updated_offset_seconds", 0);
            return columns;
        }
        columns.put("headline", a.headline());
        columns.put("kicker", a.kicker());
        columns.put("summary", a.summary());
        columns.put("body_html", a.bodyHtml());
        columns.put("body_text", a.bodyText());
        columns.put("section", a.section());
        columns.put("tags", a.tags().toArray(String[]::new));
        columns.put("byline", a.byline());
        columns.put("edition", a.edition().wireName());
        columns.put("language", a.language());
        columns.put("published_at", a.publishedAt());
        columns.put("published_offset_seconds", offsetSeconds(a.publishedAt()));
        columns.put("updated_at", a.updatedAt());
        columns.put("updated_offset_seconds", offsetSeconds(a.updatedAt()));
        LeadImage image = a.leadImage();
        columns.put("lead_image_url", image == null ? null : image.url());
        columns.put("lead_image_caption", image == null ? null : image.caption());
        columns.put("lead_image_credit", image == null ? null : image.credit());
        columns.put("source", a.source());
        columns.put("slug", a.slug());
        columns.put("url", a.url());
        return columns;
    }

    private static int offsetSeconds(OffsetDateTime time) {
        return time.getOffset().getTotalSeconds();
    }

    /** The stored instant shown again with the offset the editor gave it. */
    static OffsetDateTime withOriginalOffset(OffsetDateTime stored, int offsetSeconds) {
        return stored.toInstant().atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }
}
