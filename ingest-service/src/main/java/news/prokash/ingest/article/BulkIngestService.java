package news.prokash.ingest.article;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import news.prokash.ingest.article.NewArticleWriter.Alone;
import news.prokash.ingest.article.NewArticleWriter.Created;
import news.prokash.ingest.article.NewArticleWriter.Draft;
import news.prokash.ingest.article.NewArticleWriter.Outcome;
import news.prokash.ingest.article.NewArticleWriter.Refused;
import news.prokash.ingest.article.NewArticleWriter.Replayed;
import news.prokash.ingest.article.NewArticleWriter.Unavailable;
import news.prokash.ingest.article.ProblemDetailsAdvice.FieldMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
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

    /** A valid line on its way. */
    private record Pending(int line, Draft draft) {
    }

    private final JsonMapper json;
    private final IngestRequestValidator validator;
    private final ArticleFactory factory;
    private final NewArticleWriter writer;
    private final KafkaCircuit circuit;
    private final IngestMetrics metrics;
    private final IngestProperties properties;

    BulkIngestService(JsonMapper json, IngestRequestValidator validator, ArticleFactory factory, NewArticleWriter writer,
            KafkaCircuit circuit, IngestMetrics metrics, IngestProperties properties) {
        this.json = json;
        this.validator = validator;
        this.factory = factory;
        this.writer = writer;
        this.circuit = circuit;
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
            if (line instanceof NdjsonLines.Text text && text.isBlank()) {
                continue;
            }
            if (++articles > properties.maxBulkLines()) {
                // the rest is not read: the caller learns which line to resend from
                metrics.rejected();
                results.add(problem(number, tooManyLines()));
                break;
            }
            Object parsed = switch (line) {
                case NdjsonLines.Text text -> parse(number, text.utf8());
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
            chunk.add(new Pending(number, Draft.of(factory.create(request), !Slugs.given(request.slug()), null)));
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
    private Object parse(int number, byte[] line) {
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
        List<FieldMessage> errors = validator.errors(request);
        return errors.isEmpty() ? request : invalid(number, ProblemDetailsAdvice.fieldsInvalid(errors.size()), errors);
    }

    private List<LineResult> flush(List<Pending> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        List<LineResult> results = new ArrayList<>(chunk.size());
        try {
            circuit.check(properties.retryAfter());
        }
        catch (PublishFailedException e) {
            chunk.forEach(pending -> results.add(unavailable(pending.line())));
            return results;
        }
        List<Outcome> outcomes = writer.write(chunk.stream().map(Pending::draft).toList());
        for (int i = 0; i < chunk.size(); i++) {
            int line = chunk.get(i).line();
            results.add(switch (outcomes.get(i)) {
                case Created created -> {
                    metrics.accepted();
                    yield new LineResult(line, created.accepted().id(), created.accepted().version(), null);
                }
                case Refused refused -> {
                    metrics.rejected();
                    yield problem(line, refused.problem().getBody());
                }
                // a deadlock with another writer undoes the chunk before anything is sent: the line is sent again
                case Unavailable unavailable -> unavailable(line);
                case Alone alone -> unavailable(line);
                case Replayed replayed -> throw new IllegalStateException("bulk lines carry no Idempotency-Key");
            });
        }
        return results;
    }

    private LineResult unavailable(int line) {
        metrics.failed();
        return problem(line, unavailable());
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
