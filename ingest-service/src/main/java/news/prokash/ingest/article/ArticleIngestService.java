package news.prokash.ingest.article;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.EventCodec;
import news.prokash.ingest.article.InDoubtEvents.InDoubt;
import news.prokash.ingest.article.NewArticleWriter.Alone;
import news.prokash.ingest.article.NewArticleWriter.Created;
import news.prokash.ingest.article.NewArticleWriter.Outcome;
import news.prokash.ingest.article.NewArticleWriter.Refused;
import news.prokash.ingest.article.NewArticleWriter.Replayed;
import news.prokash.ingest.article.NewArticleWriter.Unavailable;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The article lifecycle, each change one version higher and answered only once its event is on the
 * log. The store and the log are kept in step by one database transaction per change: lock the row,
 * check the version, write the new row (and the Idempotency-Key), send the event and wait for the
 * acknowledgement, then commit. No acknowledgement: roll back, 503. What is left (acknowledged but
 * not committed, or a send whose failure does not prove it was not written) is {@link InDoubtEvents}.
 */
@Service
class ArticleIngestService {

    record Accepted(String id, long version) {
    }

    /** An Idempotency-Key and the fingerprint of the request it came with. */
    record Idempotency(String key, byte[] fingerprint) {
    }

    /** The next event for the locked current row (null when creating); null for "nothing to change". */
    private interface Change {
        @Nullable ArticleEvent next(@Nullable StoredArticle current);

        /**
         * The new article under a slug no one can hold, when the one derived from its headline is taken
         * (same headline, same 8 id characters); null when the slug is the editor's, theirs to change.
         */
        default @Nullable ArticleEvent renamed() {
            return null;
        }
    }

    private final ArticleFactory factory;
    private final ArticlePublisher publisher;
    private final ArticleRepository articles;
    private final IdempotencyRepository keys;
    private final InDoubtEvents inDoubt;
    private final KafkaCircuit circuit;
    private final TransactionOperations tx;
    private final IngestMetrics metrics;
    private final IngestProperties properties;
    private final GroupedCreates groups;

    ArticleIngestService(ArticleFactory factory, ArticlePublisher publisher, ArticleRepository articles,
            IdempotencyRepository keys, InDoubtEvents inDoubt, KafkaCircuit circuit, TransactionOperations tx,
            IngestMetrics metrics, IngestProperties properties, GroupedCreates groups) {
        this.factory = factory;
        this.publisher = publisher;
        this.articles = articles;
        this.keys = keys;
        this.inDoubt = inDoubt;
        this.circuit = circuit;
        this.tx = tx;
        this.metrics = metrics;
        this.properties = properties;
        this.groups = groups;
    }

    Accepted create(IngestRequest request, @Nullable Idempotency idempotency) {
        Article article = factory.create(request);
        boolean derivedSlug = !Slugs.given(request.slug());
        if (properties.createGroup() > 0) {
            Accepted grouped = createInGroup(article, derivedSlug, idempotency);
            if (grouped != null) {
                return grouped;
            }
        }
        return apply(article.id(), true, idempotency, new Change() {
            @Override
            public ArticleEvent next(@Nullable StoredArticle current) {
                return ArticleFactory.published(article);
            }

            @Override
            public @Nullable ArticleEvent renamed() {
                return derivedSlug ? ArticleFactory.published(factory.withUniqueSlug(article)) : null;
            }
        });
    }

    /** The create written with other concurrent ones; null if it is to be written on its own. */
    private @Nullable Accepted createInGroup(Article article, boolean derivedSlug, @Nullable Idempotency idempotency) {
        try {
            circuit.check(properties.retryAfter());
            inDoubt.settle(null, idempotency == null ? null : idempotency.key());
        }
        catch (PublishFailedException e) {
            metrics.failed();
            throw e;
        }
        Outcome outcome = groups.create(NewArticleWriter.Draft.of(article, derivedSlug, idempotency));
        switch (outcome) {
            case Created created -> {
                metrics.accepted();
                return created.accepted();
            }
            case Replayed replayed -> {
                Accepted first;
                try {
                    first = replay(replayed.remembered(), Objects.requireNonNull(idempotency));
                }
                catch (ArticleProblem e) {
                    metrics.rejected();
                    throw e;
                }
                metrics.accepted();
                return first;
            }
            case Refused refused -> {
                metrics.rejected();
                throw refused.problem();
            }
            case Unavailable unavailable -> {
                metrics.failed();
                throw unavailable.exception(properties.retryAfter());
            }
            case Alone alone -> {
                return null;
            }
        }
    }

    Accepted update(String id, IngestRequest request, long basedOn, @Nullable Idempotency idempotency) {
        return apply(id, false, idempotency, current -> {
            Article article = changeable(current, basedOn);
            Article updated = factory.update(article, request, current.version() + 1);
            return new ArticleUpdated(id, updated.version(), updated.updatedAt().toInstant(), updated);
        });
    }

    Accepted unpublish(String id, @Nullable Long basedOn, @Nullable Idempotency idempotency) {
        return apply(id, false, idempotency, current -> {
            Article article = changeable(current, basedOn);
            if (article.status() == ArticleStatus.UNPUBLISHED) {
                return null; // already: answering the current version makes a repeated unpublish harmless
            }
            Article unpublished = factory.withStatus(article, ArticleStatus.UNPUBLISHED, current.version() + 1);
            return new ArticleUnpublished(id, unpublished.version(), unpublished.updatedAt().toInstant(), unpublished);
        });
    }

    Accepted delete(String id, @Nullable Long basedOn, @Nullable Idempotency idempotency) {
        return apply(id, false, idempotency, current -> {
            if (current != null && current.status() == ArticleStatus.DELETED && basedOn == null) {
                return null; // a repeated DELETE is answered, not refused
            }
            changeable(current, basedOn);
            return new ArticleDeleted(id, current.version() + 1, factory.now());
        });
    }

    private static Article changeable(@Nullable StoredArticle current, @Nullable Long basedOn) {
        if (current == null) {
            throw new IllegalStateException("locked before");
        }
        if (current.status() == ArticleStatus.DELETED) {
            throw ArticleProblem.gone();
        }
        if (basedOn != null && basedOn != current.version()) {
            throw ArticleProblem.stale(current.version());
        }
        Article article = current.decoded().article();
        if (article == null) {
            throw new IllegalStateException("a stored article that is not deleted has content");
        }
        return article;
    }

    private Accepted apply(String articleId, boolean creating, @Nullable Idempotency idempotency, Change change) {
        String key = idempotency == null ? null : idempotency.key();
        AtomicReference<@Nullable InDoubt> acknowledged = new AtomicReference<>();
        try {
            circuit.check(properties.retryAfter());
            inDoubt.settle(creating ? null : articleId, key);
            Accepted accepted = tx.execute(status -> {
                if (idempotency != null) {
                    var remembered = keys.find(idempotency.key());
                    if (remembered.isPresent()) {
                        return replay(remembered.get(), idempotency);
                    }
                    if (inDoubt.blocksKey(idempotency.key())) {
                        throw new PublishFailedException(properties.retryAfter(), null); // its answer is not known yet
                    }
                }
                StoredArticle current = creating ? null
                        : articles.lock(articleId).orElseThrow(() -> ArticleProblem.notFound(articleId));
                if (current != null && inDoubt.blocks(articleId, current.version())) {
                    throw new PublishFailedException(properties.retryAfter(), null);
                }
                ArticleEvent event = change.next(current);
                if (event == null) {
                    return new Accepted(articleId, current == null ? 0 : current.version());
                }
                byte[] bytes = EventCodec.encode(event);
                StoredArticle next = StoredArticle.of(event, bytes, current == null ? "" : current.slug());
                boolean stored = creating ? articles.insert(next) : articles.update(next);
                ArticleEvent renamed = stored || !creating ? null : change.renamed();
                if (renamed != null) {
                    bytes = EventCodec.encode(renamed);
                    next = StoredArticle.of(renamed, bytes, "");
                    stored = articles.insert(next);
                }
                if (!stored) {
                    throw ArticleProblem.slugTaken(next.slug());
                }
                if (idempotency != null
                        && !keys.remember(idempotency.key(), idempotency.fingerprint(), articleId, next.version())) {
                    // the same key committed meanwhile (we waited for it): its answer is ours
                    status.setRollbackOnly();
                    return replay(keys.find(idempotency.key()).orElseThrow(), idempotency);
                }
                InDoubt sent = new InDoubt(next, key, idempotency == null ? null : idempotency.fingerprint());
                try {
                    publisher.publish(articleId, bytes);
                }
                catch (PublishFailedException e) {
                    // a lost acknowledgement looks like this too: the version stays taken until settled
                    inDoubt.add(sent);
                    throw e;
                }
                acknowledged.set(sent);
                inDoubt.committing(sent);
                return new Accepted(articleId, next.version());
            });
            InDoubt sent = acknowledged.get();
            if (sent != null) {
                inDoubt.committed(sent, true);
            }
            metrics.accepted();
            return accepted;
        }
        catch (PublishFailedException e) {
            metrics.failed();
            throw e;
        }
        catch (DataAccessException | TransactionException e) {
            InDoubt sent = acknowledged.get();
            if (sent != null) {
                inDoubt.committed(sent, false); // on the log, not stored: settled when the store is back
            }
            metrics.failed();
            throw new StoreUnavailableException(properties.retryAfter(), e);
        }
        catch (RuntimeException e) {
            if (!(e instanceof ArticleProblem)) {
                metrics.failed();
            }
            else {
                metrics.rejected();
            }
            throw e;
        }
    }

    private static Accepted replay(IdempotencyRepository.Remembered remembered, Idempotency idempotency) {
        if (!Arrays.equals(remembered.fingerprint(), idempotency.fingerprint())) {
            throw ArticleProblem.keyReused();
        }
        return new Accepted(remembered.articleId(), remembered.version());
    }
}
