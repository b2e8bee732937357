package news.prokash.ranking.view;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.prokash.contracts.ArticleViewed;
import news.prokash.ranking.config.InvalidRequestException;
import news.prokash.ranking.config.InvalidRequestException.FieldError;
import news.prokash.ranking.config.ProblemTypes;
import news.prokash.ranking.config.RankingProperties;
import news.prokash.ranking.view.ViewIntake.Verdict;
import news.prokash.web.LimitedBody;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
class ViewController {

    static final String NDJSON = "application/x-ndjson";

    private final ViewIntake intake;

    private final ViewPublisher publisher;

    private final JsonMapper json;

    private final CallerAddresses callers;

    private final int maxBatch;

    ViewController(ViewIntake intake, ViewPublisher publisher, JsonMapper json, CallerAddresses callers,
            RankingProperties properties) {
        this.intake = intake;
        this.publisher = publisher;
        this.json = json;
        this.callers = callers;
        this.maxBatch = properties.maxBatch();
    }

    @PostMapping("/api/v1/views")
    ResponseEntity<Void> view(@RequestBody ViewRequest request,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
            HttpServletRequest http) {
        switch (intake.judge(request, userAgent, callers.of(http))) {
            case Verdict.Invalid invalid -> throw new InvalidRequestException(invalid.errors());
            case Verdict.RateLimited limited -> throw new ViewRateLimitedException(limited.retryAfter());
            case Verdict.UnknownArticle unknown -> throw new UnknownArticleException();
            case Verdict.Bot bot -> {
                // nothing written
            }
            case Verdict.Send send -> send(List.of(send.view()));
        }
        return ResponseEntity.accepted().build();
    }

    /**
     * Many views at once (the website's edge batches): a JSON array or NDJSON, at most
     * {@code prokash.ranking.max-batch}. Each item is judged alone; the good ones are written
     * together and the answer lists what happened to the others. The body is read as bytes and parsed
     * as UTF-8 (JSON's only encoding), so invalid bytes make an item unreadable instead of being
     * replaced or read as Latin-1.
     */
    @PostMapping(path = "/api/v1/views/batch", consumes = { MediaType.APPLICATION_JSON_VALUE, NDJSON })
    ResponseEntity<BatchResult> batch(@RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
            HttpServletRequest http) {
        String address = callers.of(http);
        List<@Nullable ViewRequest> requests = MediaType.parseMediaType(contentType).isCompatibleWith(
                MediaType.parseMediaType(NDJSON)) ? ndjson(body) : jsonArray(body);
        if (requests.isEmpty() || requests.size() > maxBatch) {
            intake.rejected();
            throw new InvalidRequestException(
                    List.of(new FieldError("views", "must hold between 1 and " + maxBatch + " views")));
        }
        List<ArticleViewed> toSend = new ArrayList<>();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        int bots = 0;
        for (int i = 0; i < requests.size(); i++) {
            ViewRequest request = requests.get(i);
            if (request == null) {
                intake.rejected();
                rejected.add(new BatchResult.Rejected(i, 400, "Unreadable view", List.of()));
                continue;
            }
            switch (intake.judge(request, userAgent, address)) {
                case Verdict.Invalid invalid -> rejected.add(new BatchResult.Rejected(i, 400, "Invalid request",
                        invalid.errors()));
                case Verdict.RateLimited limited -> rejected.add(new BatchResult.Rejected(i, 429,
                        ViewRateLimitedException.TITLE, List.of()));
                case Verdict.UnknownArticle unknown -> rejected.add(new BatchResult.Rejected(i, 404,
                        "Unknown article", List.of()));
                case Verdict.Bot bot -> bots++;
                case Verdict.Send send -> toSend.add(send.view());
            }
        }
        if (!toSend.isEmpty()) {
            send(toSend);
        }
        return ResponseEntity.accepted()
                .body(new BatchResult(requests.size(), toSend.size(), bots, rejected));
    }

    private void send(List<ArticleViewed> views) {
        try {
            publisher.publishAll(views);
        }
        catch (ViewNotRecordedException e) {
            intake.failed(views.size());
            throw e;
        }
        intake.accepted(views.size());
    }

    /** An array whose items are each an object; an unreadable item is that item's problem only. */
    private List<@Nullable ViewRequest> jsonArray(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        }
        catch (JacksonException e) {
            throw unreadableBatch();
        }
        if (tree == null || !tree.isArray()) {
            throw unreadableBatch();
        }
        List<@Nullable ViewRequest> requests = new ArrayList<>(tree.size());
        for (JsonNode item : tree) {
            requests.add(item.isObject() ? read(() -> json.treeToValue(item, ViewRequest.class)) : null);
        }
        return requests;
    }

    private List<@Nullable ViewRequest> ndjson(byte[] body) {
        List<@Nullable ViewRequest> requests = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int from = start;
                int length = i - start;
                start = i + 1;
                if (!isBlank(body, from, length)) {
                    requests.add(read(() -> json.readValue(body, from, length, ViewRequest.class)));
                }
            }
        }
        return requests;
    }

    private static boolean isBlank(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static @Nullable ViewRequest read(java.util.function.Supplier<ViewRequest> reader) {
        try {
            return reader.get();
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private InvalidRequestException unreadableBatch() {
        intake.rejected();
        return new InvalidRequestException(List.of(new FieldError("views",
                "must be a JSON array of views, or one JSON view per line with Content-Type " + NDJSON)));
    }

    /**
     * Unreadable JSON (or a body over the limit, found while reading) is a rejected view too; the
     * parser's message is never echoed.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        intake.rejected();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedBody.TooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .body(ViewBodyLimitFilter.tooLarge(tooLarge.limit()));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body must be a JSON object such as {\"articleId\": \"…\", \"visitorId\": \"…\"}.");
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(ProblemTypes.typed(problem, "unreadable-body"));
    }

    /**
     * @param received items in the batch
     * @param accepted written to Kafka
     * @param bots from a known crawler or bot: not written
     * @param rejected the others, by position in the batch (0-based), with a status as the single endpoint would answer
     */
    record BatchResult(int received, int accepted, int bots, List<Rejected> rejected) {

        record Rejected(int index, int status, String title, List<FieldError> errors) {
        }
    }
}
