package news.prokash.ranking.config;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 problem with the contract's {@code errors} array of {@code {"field", "message"}}. */
public class InvalidRequestException extends ErrorResponseException {

    public InvalidRequestException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(errors));
        return ProblemTypes.typed(problem, "invalid-request");
    }

    public record FieldError(String field, String message) {
    }
}
