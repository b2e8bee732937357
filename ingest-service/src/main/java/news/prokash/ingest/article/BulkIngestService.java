package news.prokash.ingest.article;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.ingest.article.InDoubtEvents.InDoubt;
import news.prokash.ingest.article.ProblemDetailsAdvice.FieldMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * NDJSON bulk create: reads line by line (the body is never held whole), validates each line like a
 * single create, and stores and publishes the valid ones in chunks of {@code prokash.ingest.bulk-chunk}:
 * one transaction per chunk holds the rows while all its sends are in flight at once; the chunk commits
 * when every send is acknowledged. A line is reported accepted only after its acknowledgement.
 */
@Service
class BulkIngestService {

    /** One line's outcome: {@code id} and {@code version}, or {@code problem}. */
    record LineResult(int line, @Nullable String id, @Nullable Long version, @Nullable ProblemDetail problem) {
    }

    record BulkResult(int accepted, int rejected, List<LineResult> results) {
    }

    /**
     * A valid line on its way: the row with the event's bytes, and whether its slug was derived. The article
     * itself is not kept: a chunk's lines wait for their acknowledgements, and holding each body twice more
     * until then made the collector copy it; the rare rename reads it back from the event.
     */
    private record Pending(int line, StoredArticle row, boolean derivedSlug) {

        static Pending of(int line, Article article, boolean derivedSlug) {
            ArticlePublished event = ArticleFactory.published(article);
            return new Pending(line, StoredArticle.of(event, EventCodec.encode(event), article.slug()), derivedSlug);
        }

        Article article() {
            return Objects.requireNonNull(row.decoded().article(), "a new article's event carries it");
        }
    }

    private final JsonMapper json;
    private final Validator validator;
    private final ArticleFactory factory;
    private final ArticleRepository articles;
    private final ArticlePublisher publisher;
    private final InDoubtEvents inDoubt;
    private final KafkaCircuit circuit;
    private final TransactionOperations tx;
    private final IngestMetrics metrics;
    private final IngestProperties properties;

    BulkIngestService(JsonMapper json, Validator validator, ArticleFactory factory, ArticleRepository articles,
            ArticlePublisher publisher, InDoubtEvents inDoubt, KafkaCircuit circuit, TransactionOperations tx,
            IngestMetrics metrics, IngestProperties properties) {
        this.json = json;
        this.validator = validator;
        this.factory = factory;
        this.articles = articles;
        this.publisher = publisher;
        this.inDoubt = inDoubt;
        this.circuit = circuit;
        this.tx = tx;
        this.metrics = metrics;
        this.properties = properties;
    }

    BulkResult ingest(NdjsonLines lines) throws IOException {
        circuit.check(properties.retryAfter()); // Kafka known down: 503 for the request as a whole
        List<LineResult> results = new ArrayList<>();
        List<Pending> chunk = new ArrayList<>(properties.bulkChunk());
        int number = 0;
        int articles = 0;
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (line instanceof NdjsonLines.Text text && text.text().isBlank()) {
                continue;
            }
            if (++articles > properties.maxBulkLines()) {
                // the rest is not read: the caller learns which line to resend from
                metrics.rejected();
                results.add(problem(number, tooManyLines()));
                break;
            }
            Object parsed = switch (line) {
                case NdjsonLines.Text text -> parse(number, text.text());
                case NdjsonLines.TooLong tooLong -> problem(number, lineTooLarge());
                case NdjsonLines.NotUtf8 notUtf8 -> invalid(number, "The line could not be read.",
                        List.of(new FieldMessage("$", "is not valid UTF-8")));
            };
            if (parsed instanceof LineResult rejected) {
                metrics.rejected();
                results.add(rejected);
                continue;
            }
            IngestRequest request = (IngestRequest) parsed;
            chunk.add(Pending.of(number, factory.create(request), !Slugs.given(request.slug())));
            if (chunk.size() == properties.bulkChunk()) {
                results.addAll(flush(chunk));
                chunk.clear();
            }
        }
        results.addAll(flush(chunk));
        int accepted = (int) results.stream().filter(r -> r.problem() == null).count();
        return new BulkResult(accepted, results.size() - accepted, results.stream()
                .sorted(Comparator.comparingInt(LineResult::line)).toList());
    }

    /** An {@link IngestRequest} or the line's 400 result. */
    private Object parse(int number, String line) {
        IngestRequest request;
        try {
            request = json.readValue(line, IngestRequest.class);
        }
        catch (JacksonException e) {
            FieldMessage error = ProblemDetailsAdvice.unreadable(e);
            return invalid(number, error.field().equals("$") ? "The line could not be read." : "1 field is invalid.",
                    List.of(error));
        }
        if (request == null) {
            return invalid(number, "The line could not be read.", List.of(new FieldMessage("$", "must be a JSON object")));
        }
        Set<ConstraintViolation<IngestRequest>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<FieldMessage> errors = violations.stream()
                .map(v -> new FieldMessage(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field).thenComparing(FieldMessage::message))
                .toList();
        return invalid(number, errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors);
    }

    private List<LineResult> flush(List<Pending> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        List<LineResult> results = new ArrayList<>(chunk.size());
        List<Pending> sent = new ArrayList<>(chunk.size());
        AtomicBoolean acknowledged = new AtomicBoolean();
        try {
            circuit.check(properties.retryAfter());
            tx.executeWithoutResult(status -> {
                Consumer<Pending> refuse = pending -> {
                    metrics.rejected();
                    results.add(problem(pending.line(), ArticleProblem.slugTaken(pending.row().slug()).getBody()));
                };
                List<Pending> renamed = new ArrayList<>();
                insert(chunk, pending -> {
                    if (pending.derivedSlug()) {
                        // the headline's slug met another article's: the whole id is unique
                        renamed.add(Pending.of(pending.line(), factory.withUniqueSlug(pending.article()), false));
                    }
                    else {
                        refuse.accept(pending);
                    }
                }, sent);
                insert(renamed, refuse, sent);
                List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(sent.size());
                for (Pending pending : sent) {
                    acks.add(publisher.send(pending.row().id(), pending.row().event()));
                }
                PublishFailedException failure = null;
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        publisher.await(sent.get(i).row().id(), acks.get(i));
                    }
                    catch (PublishFailedException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    // some are on the log, some perhaps: all in doubt until settled (same bytes again)
                    sent.forEach(p -> inDoubt.add(new InDoubt(p.row(), null, null)));
                    throw failure;
                }
                acknowledged.set(true); // new ids, known to no one else: nothing to block while committing
            });
            for (Pending pending : sent) {
                metrics.accepted();
                results.add(new LineResult(pending.line(), pending.row().id(), 1L, null));
            }
        }
        catch (PublishFailedException | DataAccessException | TransactionException e) {
            if (acknowledged.get()) {
                sent.forEach(p -> inDoubt.add(new InDoubt(p.row(), null, null))); // on the log, not stored
            }
            results.clear();
            for (Pending pending : chunk) {
                metrics.failed();
                results.add(problem(pending.line(), unavailable()));
            }
        }
        return results;
    }

    /** Inserts the rows in one batch; the inserted go to {@code inserted}, those whose slug is taken to {@code taken}. */
    private void insert(List<Pending> pending, Consumer<Pending> taken, List<Pending> inserted) {
        if (pending.isEmpty()) {
            return;
        }
        boolean[] done = articles.insertAll(pending.stream().map(Pending::row).toList());
        for (int i = 0; i < pending.size(); i++) {
            if (done[i]) {
                inserted.add(pending.get(i));
            }
            else {
                taken.accept(pending.get(i));
            }
        }
    }

    private static LineResult invalid(int line, String detail, List<FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(ProblemTypes.BASE + "invalid-article"));
        problem.setTitle("Invalid article");
        problem.setProperty("errors", errors);
        return problem(line, problem);
    }

    private ProblemDetail lineTooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The line is larger than " + properties.maxBody().toKilobytes() + " KiB, the limit of one article.");
        problem.setType(URI.create(ProblemTypes.BASE + "body-too-large"));
        problem.setTitle("Body too large");
        return problem;
    }

    private ProblemDetail tooManyLines() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "A bulk request may hold at most " + properties.maxBulkLines()
                        + " articles; this line and the ones after it were not read. Send them in another request.");
        problem.setType(URI.create(ProblemTypes.BASE + "too-many-lines"));
        problem.setTitle("Too many lines");
        return problem;
    }

    private static ProblemDetail unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event log or the store did not confirm this article. Send the line again later.");
        problem.setType(URI.create(ProblemTypes.BASE + "publish-unavailable"));
        problem.setTitle("Publishing unavailable");
        return problem;
    }

    private static LineResult problem(int line, ProblemDetail problem) {
        return new LineResult(line, null, null, problem);
    }
}
