package news.prokash.ranking.view;

import java.time.Duration;

import news.prokash.ranking.config.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** This client or visitor sent more views than the intake takes from one (nothing written). */
class ViewRateLimitedException extends ErrorResponseException {

    static final String TITLE = "Too many views";

    private final HttpHeaders headers = new HttpHeaders();

    ViewRateLimitedException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
    }

    /** Whole seconds, rounded up, at least 1: Retry-After has no fractions. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many views from this client or visitor; try again after Retry-After seconds.");
        problem.setTitle(TITLE);
        return ProblemTypes.typed(problem, "rate-limited");
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
