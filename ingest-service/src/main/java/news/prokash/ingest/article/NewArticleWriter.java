package news.prokash.ingest.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.ingest.article.ArticleIngestService.Accepted;
import news.prokash.ingest.article.ArticleIngestService.Idempotency;
import news.prokash.ingest.article.InDoubtEvents.InDoubt;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores and publishes new articles together: one transaction for all of them, the rows in one batch, every
 * send in flight at once, the commit once every send is acknowledged. A bulk chunk and a group of concurrent
 * single creates ({@link GroupedCreates}) both come through here; per article the outcome is the one a create
 * of its own would have had.
 * <ul>
 * <li>Nothing goes to Kafka before every row (and Idempotency-Key) is written, so anything that goes wrong
 * before that rolls back without a trace.</li>
 * <li>An article whose Idempotency-Key another transaction committed meanwhile, or a lock conflict, undoes
 * the whole group before anything was sent: every article is then {@link Alone}, for its caller to create
 * by itself, where the single path's rules decide.</li>
 * <li>If one send is not acknowledged, all of the group's are in doubt ({@link InDoubtEvents}) and every
 * article gets 503, as a create on its own would.</li>
 * </ul>
 */
@Component
class NewArticleWriter {

    /**
     * An article to create, its event already encoded (by the caller's thread, not the group's). The article
     * itself is not kept: a bulk chunk waits for its acknowledgements, and holding each body twice more until
     * then made the collector copy it; the rare rename reads it back from the event.
     */
    record Draft(StoredArticle row, boolean derivedSlug, @Nullable Idempotency idempotency) {

        static Draft of(Article article, boolean derivedSlug, @Nullable Idempotency idempotency) {
            ArticlePublished event = ArticleFactory.published(article);
            return new Draft(StoredArticle.of(event, EventCodec.encode(event), article.slug()), derivedSlug,
                    idempotency);
        }

        Article article() {
            return Objects.requireNonNull(row.decoded().article(), "a new article's event carries it");
        }

        @Nullable String key() {
            return idempotency == null ? null : idempotency.key();
        }
    }

    /** What became of one draft. */
    sealed interface Outcome {
    }

    /** On the log and in the store. */
    record Created(Accepted accepted) implements Outcome {
    }

    /** Its Idempotency-Key was used before: the first answer, or {@link ArticleProblem#keyReused()}. */
    record Replayed(IdempotencyRepository.Remembered remembered) implements Outcome {
    }

    /** Refused for itself (its slug is taken): a 4xx. */
    record Refused(ArticleProblem problem) implements Outcome {
    }

    /**
     * Kafka ({@code store} false) or the store did not confirm it: a 503 (what was sent is in doubt). Each
     * caller throws an exception of its own: an error response is changed while it is answered.
     */
    record Unavailable(boolean store, @Nullable Throwable cause) implements Outcome {

        RuntimeException exception(Duration retryAfter) {
            return store ? new StoreUnavailableException(retryAfter, Objects.requireNonNull(cause))
                    : new PublishFailedException(retryAfter, cause);
        }
    }

    /** Not decided here: the caller creates it on its own. */
    record Alone() implements Outcome {
    }

    private static final Alone ALONE = new Alone();

    /** Thrown inside the transaction to undo it before anything was sent. */
    private static final class Undo extends RuntimeException {
        Undo() {
            super(null, null, false, false);
        }
    }

    private final ArticleFactory factory;
    private final ArticleRepository articles;
    private final IdempotencyRepository keys;
    private final ArticlePublisher publisher;
    private final InDoubtEvents inDoubt;
    private final TransactionOperations tx;
    private final IngestProperties properties;

    NewArticleWriter(ArticleFactory factory, ArticleRepository articles, IdempotencyRepository keys,
            ArticlePublisher publisher, InDoubtEvents inDoubt, TransactionOperations tx, IngestProperties properties) {
        this.factory = factory;
        this.articles = articles;
        this.keys = keys;
        this.publisher = publisher;
        this.inDoubt = inDoubt;
        this.tx = tx;
        this.properties = properties;
    }

    /** The outcome of each draft, in their order. */
    List<Outcome> write(List<Draft> drafts) {
        Outcome[] outcomes = new Outcome[drafts.size()];
        List<Integer> sent = new ArrayList<>(drafts.size());
        List<StoredArticle> rows = new ArrayList<>(drafts.size());
        boolean[] acknowledged = new boolean[1];
        try {
            tx.executeWithoutResult(status -> {
                List<Integer> fresh = replayKnownKeys(drafts, outcomes);
                List<Integer> renamed = new ArrayList<>();
                insert(fresh, i -> drafts.get(i).row(), rows, sent, i -> {
                    if (drafts.get(i).derivedSlug()) {
                        renamed.add(i); // the headline's slug met another article's: the whole id is unique
                    }
                    else {
                        outcomes[i] = new Refused(ArticleProblem.slugTaken(drafts.get(i).row().slug()));
                    }
                });
                Map<Integer, StoredArticle> byRename = new HashMap<>();
                for (int i : renamed) {
                    byRename.put(i, Draft.of(factory.withUniqueSlug(drafts.get(i).article()), false, null).row());
                }
                insert(renamed, byRename::get, rows, sent,
                        i -> outcomes[i] = new Refused(ArticleProblem.slugTaken(byRename.get(i).slug())));
                rememberKeys(drafts, sent, rows);
                publish(drafts, sent, rows);
                acknowledged[0] = true; // new ids, known to no one else: nothing to block while committing
            });
            for (int n = 0; n < sent.size(); n++) {
                outcomes[sent.get(n)] = new Created(new Accepted(rows.get(n).id(), 1));
            }
        }
        catch (Undo e) {
            Arrays.fill(outcomes, ALONE); // nothing was sent
        }
        catch (PublishFailedException e) {
            unavailable(outcomes, new Unavailable(false, e.getCause())); // what was sent is in doubt already
        }
        catch (DataAccessException | TransactionException e) {
            if (acknowledged[0]) {
                for (int n = 0; n < sent.size(); n++) {
                    inDoubt.add(inDoubt(drafts.get(sent.get(n)), rows.get(n))); // on the log, not stored
                }
            }
            else if (e instanceof PessimisticLockingFailureException) {
                // a deadlock with another writer of the same slugs or keys, before anything was sent
                Arrays.fill(outcomes, ALONE);
                return Arrays.asList(outcomes);
            }
            unavailable(outcomes, new Unavailable(true, e));
        }
        return Arrays.asList(outcomes);
    }

    /** The drafts whose Idempotency-Key is new; the others get the key's first answer (or are left alone). */
    private List<Integer> replayKnownKeys(List<Draft> drafts, Outcome[] outcomes) {
        List<String> asked = drafts.stream().map(Draft::key).filter(Objects::nonNull).toList();
        Map<String, IdempotencyRepository.Remembered> known = asked.isEmpty() ? Map.of() : keys.findAll(asked);
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<Integer> fresh = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            String key = drafts.get(i).key();
            if (key == null) {
                fresh.add(i);
            }
            else if (known.containsKey(key)) {
                outcomes[i] = new Replayed(known.get(key));
            }
            else if (inDoubt.blocksKey(key)) {
                outcomes[i] = new Unavailable(false, null); // its answer is not known yet
            }
            else if (firstWithKey.putIfAbsent(key, i) != null) {
                outcomes[i] = ALONE; // a retry of a draft in this group: replayed once the group is stored
            }
            else {
                fresh.add(i);
            }
        }
        return fresh;
    }

    /** Inserts the rows of {@code which} in one batch: the inserted join {@code sent}, the others go to {@code taken}. */
    private void insert(List<Integer> which, IntFunction<StoredArticle> row,
            List<StoredArticle> rows, List<Integer> sent, IntConsumer taken) {
        if (which.isEmpty()) {
            return;
        }
        List<StoredArticle> batch = which.stream().map(row::apply).toList();
        boolean[] inserted = articles.insertAll(batch);
        for (int n = 0; n < which.size(); n++) {
            if (inserted[n]) {
                sent.add(which.get(n));
                rows.add(batch.get(n));
            }
            else {
                taken.accept(which.get(n));
            }
        }
    }

    /** Another transaction committed one of the keys meanwhile (the insert waited for it): undo, each alone. */
    private void rememberKeys(List<Draft> drafts, List<Integer> sent, List<StoredArticle> rows) {
        List<IdempotencyRepository.KeyAnswer> answers = new ArrayList<>();
        for (int n = 0; n < sent.size(); n++) {
            Idempotency idempotency = drafts.get(sent.get(n)).idempotency();
            if (idempotency != null) {
                answers.add(new IdempotencyRepository.KeyAnswer(idempotency.key(),
                        new IdempotencyRepository.Remembered(idempotency.fingerprint(), rows.get(n).id(), 1)));
            }
        }
        if (!answers.isEmpty()) {
            for (boolean stored : keys.rememberAll(answers)) {
                if (!stored) {
                    throw new Undo();
                }
            }
        }
    }

    /** Sends every row's event, then waits for all; one failure puts every one of them in doubt. */
    private void publish(List<Draft> drafts, List<Integer> sent, List<StoredArticle> rows) {
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(rows.size());
        for (StoredArticle row : rows) {
            acks.add(publisher.send(row.id(), row.event()));
        }
        publisher.sendNow();
        PublishFailedException failure = null;
        for (int n = 0; n < rows.size(); n++) {
            try {
                publisher.await(rows.get(n).id(), acks.get(n));
            }
            catch (PublishFailedException e) {
                failure = e;
            }
        }
        if (failure != null) {
            // some are on the log, some perhaps: all in doubt until settled (the same bytes again)
            for (int n = 0; n < rows.size(); n++) {
                inDoubt.add(inDoubt(drafts.get(sent.get(n)), rows.get(n)));
            }
            throw failure;
        }
    }

    private static InDoubt inDoubt(Draft draft, StoredArticle row) {
        Idempotency idempotency = draft.idempotency();
        return new InDoubt(row, idempotency == null ? null : idempotency.key(),
                idempotency == null ? null : idempotency.fingerprint());
    }

    /**
     * The undecided get 503, the sent among them (they are decided only once committed); a replayed key or a
     * taken slug keeps its answer.
     */
    private static void unavailable(Outcome[] outcomes, Unavailable unavailable) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = unavailable;
            }
        }
    }
}
