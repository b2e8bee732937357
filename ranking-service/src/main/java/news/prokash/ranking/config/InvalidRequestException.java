package news.prokash.ranking.config;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400 problem with the contract's {@code errors} array of {@code {"field", "message"}}. */
public class InvalidRequestException extends ErrorResponseException {

    /** The detail of every {@code invalid-request} problem of this service. */
    static final String DETAIL = "The request is not valid.";

    public InvalidRequestException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.TYPES.invalidRequest(DETAIL, List.copyOf(errors)), null);
    }

    public record FieldError(String field, String message) {
    }
}
