package news.prokash.ingest.article;

import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.EventCodec;

/**
 * An article's row: the version last confirmed on the event log and that event as it was sent.
 *
 * @param event the {@link EventCodec} bytes of the event with {@link #version()}
 */
record StoredArticle(String id, long version, ArticleStatus status, String slug, byte[] event) {

    /** The row after {@code event}; a deleted article keeps {@code currentSlug}, so its URL is never reused. */
    static StoredArticle of(ArticleEvent event, byte[] bytes, String currentSlug) {
        var article = event.article();
        ArticleStatus status = article == null ? ArticleStatus.DELETED : article.status();
        String slug = article == null ? currentSlug : article.slug();
        return new StoredArticle(event.articleId(), event.version(), status, slug, bytes);
    }

    ArticleEvent decoded() {
        return EventCodec.decodeArticleEvent(event);
    }
}
