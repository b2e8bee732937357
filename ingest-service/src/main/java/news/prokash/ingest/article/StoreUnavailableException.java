package news.prokash.ingest.article;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The database did not take the change: 503 with {@code Retry-After}; the cause stays in the log. */
class StoreUnavailableException extends ErrorResponseException {

    StoreUnavailableException(Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The article store is not available. Send the change again later, with the same Idempotency-Key.");
        problem.setType(URI.create(ProblemTypes.BASE + "store-unavailable"));
        problem.setTitle("Store unavailable");
        return problem;
    }
}
