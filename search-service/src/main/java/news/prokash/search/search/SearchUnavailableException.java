package news.prokash.search.search;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Elasticsearch cannot answer now: 503 with a retry hint, never the client's own error text. */
class SearchUnavailableException extends ErrorResponseException {

    private static final String RETRY_AFTER_SECONDS = "5";

    SearchUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Search is temporarily unavailable. Please try again in a moment.");
        problem.setTitle("Search unavailable");
        problem.setType(URI.create("https://prokash.news/problems/search-unavailable"));
        return problem;
    }
}
