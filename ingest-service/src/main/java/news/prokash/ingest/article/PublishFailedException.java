package news.prokash.ingest.article;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge the event in time: 503 with {@code Retry-After}, the cause stays in the log. */
class PublishFailedException extends ErrorResponseException {

    PublishFailedException(Duration retryAfter, @Nullable Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event log did not confirm the change in time. Send it again later, with the same Idempotency-Key.");
        problem.setType(URI.create(ProblemTypes.BASE + "publish-unavailable"));
        problem.setTitle("Publishing unavailable");
        return problem;
    }
}
