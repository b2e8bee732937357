package news.prokash.ranking.view;

import java.time.Duration;

import news.prokash.ranking.config.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge the view in time: the client may send it again. */
class ViewNotRecordedException extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    ViewNotRecordedException(Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The view could not be recorded; try again shortly.");
        problem.setTitle("View not recorded");
        return ProblemTypes.typed(problem, "view-not-recorded");
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
