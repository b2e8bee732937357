package news.prokash.ranking.popular;

import java.time.Duration;

import news.prokash.ranking.config.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The Kafka Streams stores cannot be read right now (starting, restoring, rebalancing): a moment's
 * wait fixes it, so 503 with Retry-After rather than an error.
 */
public class RankingUnavailableException extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    public RankingUnavailableException(Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The ranking is starting or rebalancing; try again shortly.");
        problem.setTitle("Ranking not ready");
        return ProblemTypes.typed(problem, "ranking-unavailable");
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
