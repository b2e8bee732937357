package news.prokash.ingest.article;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Events that may be on the log although the store does not hold them: Kafka acknowledged but the
 * commit failed (the event is certainly there), or the send failed in a way that does not prove the
 * broker never wrote it (a lost acknowledgement). While such an event is in doubt its version must
 * not be given to different content, so the article (and its Idempotency-Key) is refused with 503
 * until the doubt is settled: the same bytes are sent again (a duplicate of an identical event is
 * harmless, consumers keep the highest version) and then recorded as the article's current version.
 * Settling runs before requests that touch such an article and every second in the background.
 * Kept in memory: see the README for the case of a crash while an event is in doubt.
 */
@Component
class InDoubtEvents {

    private static final Logger log = LoggerFactory.getLogger(InDoubtEvents.class);

    record InDoubt(StoredArticle article, @Nullable String key, byte @Nullable [] fingerprint) {
    }

    /** Acknowledged, commit under way: blocks the version for whoever locks the row next if the commit fails. */
    private final Map<String, InDoubt> committing = new ConcurrentHashMap<>();
    private final Map<String, InDoubt> byArticle = new ConcurrentHashMap<>();
    private final Map<String, String> articleByKey = new ConcurrentHashMap<>();
    private final ArticlePublisher publisher;
    private final ArticleRepository articles;
    private final IdempotencyRepository keys;
    private final TransactionOperations tx;
    private final Duration retryAfter;

    InDoubtEvents(ArticlePublisher publisher, ArticleRepository articles, IdempotencyRepository keys,
            TransactionOperations tx, IngestProperties properties) {
        this.publisher = publisher;
        this.articles = articles;
        this.keys = keys;
        this.tx = tx;
        this.retryAfter = properties.retryAfter();
    }

    /** Kafka acknowledged, the commit follows; called while the row is locked. */
    void committing(InDoubt acknowledged) {
        committing.put(acknowledged.article().id(), acknowledged);
    }

    /** The commit ended, well ({@code committed}) or not (then the event is on the log but not stored: in doubt). */
    void committed(InDoubt acknowledged, boolean committed) {
        if (!committed) {
            add(acknowledged);
        }
        committing.remove(acknowledged.article().id(), acknowledged);
    }

    /** Called while the article's row is locked (or its id unknown to everyone else), before the lock goes. */
    void add(InDoubt inDoubt) {
        byArticle.put(inDoubt.article().id(), inDoubt);
        if (inDoubt.key() != null) {
            articleByKey.put(inDoubt.key(), inDoubt.article().id());
        }
    }

    /** The commit went through: the store holds the event, nothing is in doubt. */
    void remove(InDoubt inDoubt) {
        if (byArticle.remove(inDoubt.article().id(), inDoubt) && inDoubt.key() != null) {
            articleByKey.remove(inDoubt.key(), inDoubt.article().id());
        }
    }

    int size() {
        return byArticle.size();
    }

    /**
     * Settles what is in doubt; throws 503 if the article or key of this request is still in doubt
     * afterwards (Kafka or the store still unavailable).
     */
    void settle(@Nullable String articleId, @Nullable String key) {
        if (byArticle.isEmpty()) {
            return;
        }
        settleAll();
        if (articleId != null && byArticle.containsKey(articleId) || key != null && articleByKey.containsKey(key)) {
            throw new PublishFailedException(retryAfter, null);
        }
    }

    /** Whether an article locked at {@code storedVersion} has a newer event in doubt. */
    boolean blocks(String articleId, long storedVersion) {
        InDoubt inDoubt = byArticle.get(articleId);
        InDoubt acknowledged = committing.get(articleId);
        return inDoubt != null && inDoubt.article().version() > storedVersion
                || acknowledged != null && acknowledged.article().version() > storedVersion;
    }

    boolean blocksKey(String key) {
        return articleByKey.containsKey(key);
    }

    @Scheduled(fixedDelayString = "${prokash.ingest.settle-every:1s}")
    void settleAll() {
        for (InDoubt inDoubt : byArticle.values()) {
            synchronized (inDoubt) {
                if (byArticle.get(inDoubt.article().id()) == inDoubt) {
                    settle(inDoubt);
                }
            }
        }
    }

    private void settle(InDoubt inDoubt) {
        StoredArticle article = inDoubt.article();
        try {
            publisher.publish(article.id(), article.event());
            tx.executeWithoutResult(status -> {
                articles.confirm(article);
                if (inDoubt.key() != null && inDoubt.fingerprint() != null) {
                    keys.remember(inDoubt.key(), inDoubt.fingerprint(), article.id(), article.version());
                }
            });
            remove(inDoubt);
            log.info("Article {} version {} was in doubt; it is on the log and in the store now", article.id(),
                    article.version());
        }
        catch (PublishFailedException e) {
            // still down: next round
        }
        catch (DataAccessException e) {
            log.warn("Article {} version {} is on the log but could not be stored yet: {}", article.id(),
                    article.version(), e.toString());
        }
    }
}
