package news.prokash.search.search;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A parameter the annotations cannot check (a cursor, a date range): 400 with the contract's {@code errors}. */
class InvalidRequestException extends ErrorResponseException {

    InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://prokash.news/problems/invalid-request"));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
