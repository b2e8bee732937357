package news.prokash.article.article;

import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies one record of the articles topic. Plain code, called by the binding and by the replay,
 * so it is tested against PostgreSQL without a broker.
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
     * @throws EventFormatException if the bytes are no event this service reads (dead-lettered at once)
     * @throws org.springframework.dao.DataAccessException if the write failed: retried while the
     *     database is unreachable, dead-lettered at once for a constraint violation (ArticleEventErrorHandling)
     */
    boolean handle(byte[] payload) {
        metrics.consumed();
        ArticleEvent event;
        try {
            event = EventCodec.decodeArticleEvent(payload);
        }
        catch (EventFormatException e) {
            metrics.failed();
            log.warn("Undecodable article event: {}", e.getMessage());
            throw e;
        }
        ArticleRepository.Applied applied;
        try {
            applied = articles.apply(ArticleChange.of(event), payload);
        }
        catch (RuntimeException e) {
            metrics.failed();
            throw e;
        }
        if (!applied.changed()) {
            metrics.ignoredStale();
            log.debug("Ignored {} v{}: the stored version is the same or newer", event.articleId(), event.version());
            return false;
        }
        metrics.applied(event);
        log.debug("Stored {} v{}", event.articleId(), event.version());
        Long previous = applied.previousVersion();
        if (previous != null && event.version() > previous + 1) {
            // versions only grow by one per change at the source: the ones between were lost upstream
            // or compacted away before we read them; the newest state is still right, so apply and tell
            metrics.gap();
            log.warn("Version gap for article {}: had v{}, applied v{} (v{} to v{} never seen)", event.articleId(),
                    previous, event.version(), previous + 1, event.version() - 1);
        }
        return true;
    }
}
