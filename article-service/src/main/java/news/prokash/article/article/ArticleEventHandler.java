package news.prokash.article.article;

import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies one record of the articles topic. Plain code, called by the binding, so it is tested
 * against PostgreSQL without a broker.
 */
@Component
class ArticleEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ArticleEventHandler.class);

    private final ArticleRepository articles;

    private final ArticleEventMetrics metrics;

    ArticleEventHandler(ArticleRepository articles, ArticleEventMetrics metrics) {
        this.articles = articles;
        this.metrics = metrics;
    }

    /**
     * @return true if the article changed, false if the event was stale or a redelivery
     * @throws EventFormatException if the bytes are no event this service reads; the binding
     *     dead-letters it without retrying
     */
    boolean handle(byte[] payload) {
        metrics.consumed();
        ArticleEvent event;
        try {
            event = EventCodec.decodeArticleEvent(payload);
        }
        catch (EventFormatException e) {
            metrics.deadLettered();
            log.warn("Dead-lettering an undecodable article event: {}", e.getMessage());
            throw e;
        }
        boolean applied;
        try {
            applied = articles.apply(ArticleChange.of(event), payload);
        }
        catch (RuntimeException e) {
            metrics.failed();
            throw e;
        }
        if (applied) {
            metrics.applied();
        }
        else {
            metrics.ignoredStale();
            log.debug("Ignored {} v{}: the stored version is the same or newer", event.articleId(), event.version());
        }
        return applied;
    }
}
