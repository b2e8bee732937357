package news.prokash.search.indexing;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.LeadImage;
import news.prokash.search.latin.Transliteration;
import org.jspecify.annotations.Nullable;

/**
 * What the search index holds for one article: the searchable text and what a result item shows,
 * not the HTML body. Every state is kept as a document, unpublished and deleted ones too, so the
 * external version check still rejects an older event that arrives later; queries filter on status.
 * Times are the strings the editor gave (with offset), so results show them unchanged. {@code latin} is
 * the {@link Transliteration#key sound key} of the headline, kicker, tags and summary, for queries typed
 * in Latin letters.
 */
record ArticleDocument(
        String id,
        long version,
        String status,
        @Nullable String headline,
        @Nullable String kicker,
        @Nullable String summary,
        @Nullable String bodyText,
        @Nullable String section,
        @Nullable List<String> tags,
        @Nullable String byline,
        @Nullable String edition,
        @Nullable String language,
        @Nullable String slug,
        @Nullable String source,
        @Nullable String publishedAt,
        @Nullable String updatedAt,
        @Nullable String url,
        @Nullable LeadImage leadImage,
        @Nullable String latin) {

    static ArticleDocument of(ArticleEvent event) {
        return switch (event) {
            case ArticlePublished e -> of(e.article(), e.article().status());
            case ArticleUpdated e -> of(e.article(), e.article().status());
            // the event says what happened, whatever status the embedded article carries
            case ArticleUnpublished e -> of(e.article(), ArticleStatus.UNPUBLISHED);
            // a tombstone-like document: nothing searchable, only the version that deleted it
            case ArticleDeleted e -> new ArticleDocument(e.articleId(), e.version(), ArticleStatus.DELETED.wireName(),
                    null, null, null, null, null, null, null, null, null, null, null, null,
                    e.occurredAt().toString(), null, null, null);
        };
    }

    private static ArticleDocument of(Article a, ArticleStatus status) {
        return new ArticleDocument(a.id(), a.version(), status.wireName(), a.headline(), a.kicker(), a.summary(),
                a.bodyText(), a.section(), a.tags(), a.byline(), a.edition().wireName(), a.language(), a.slug(),
                a.source(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.publishedAt()),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.updatedAt()), a.url(), a.leadImage(), latin(a));
    }

    /** The sound key of what a reader would recall of an article: headline, kicker, tags, summary (not the body). */
    private static String latin(Article a) {
        StringJoiner text = new StringJoiner(" ");
        text.add(a.headline());
        if (a.kicker() != null) {
            text.add(a.kicker());
        }
        a.tags().forEach(text::add);
        if (a.summary() != null) {
            text.add(a.summary());
        }
        return Transliteration.key(text.toString());
    }
}
