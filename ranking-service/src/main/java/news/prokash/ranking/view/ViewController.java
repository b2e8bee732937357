package news.prokash.ranking.view;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.ArticleViewed;
import news.prokash.ranking.config.InvalidRequestException;
import news.prokash.ranking.popular.ArticleCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ViewController {

    private final ArticleCatalog catalog;

    private final ViewPublisher publisher;

    private final Clock clock;

    private final Counter accepted;

    private final Counter unknownArticle;

    private final Counter rejected;

    private final Counter failed;

    ViewController(ArticleCatalog catalog, ViewPublisher publisher, Clock clock, MeterRegistry meters) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
        this.accepted = outcome(meters, "accepted");
        this.unknownArticle = outcome(meters, "unknown-article");
        this.rejected = outcome(meters, "rejected");
        this.failed = outcome(meters, "failed");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("prokash.ranking.views")
                .description("View requests by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @PostMapping("/api/v1/views")
    ResponseEntity<Void> view(@RequestBody ViewRequest request,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
        List<InvalidRequestException.FieldError> errors = request.errors();
        if (!errors.isEmpty()) {
            rejected.increment();
            throw new InvalidRequestException(errors);
        }
        ArticleViewed view = request.toEvent(userAgent, clock.instant());
        if (!catalog.isListed(view.articleId())) {
            unknownArticle.increment();
            throw new UnknownArticleException();
        }
        try {
            publisher.publish(view);
        }
        catch (ViewNotRecordedException e) {
            failed.increment();
            throw e;
        }
        accepted.increment();
        return ResponseEntity.accepted().build();
    }

    /** Unreadable JSON is a rejected view too; the parser's message is never echoed. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        rejected.increment();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body must be a JSON object such as {\"articleId\": \"…\", \"visitorId\": \"…\"}.");
        problem.setTitle("Unreadable request body");
        return problem;
    }
}
