package news.prokash.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The advice of a service whose API reads query and path parameters (search, ranking): a missing or mistyped
 * parameter is a 400 {@code invalid-request} naming it in the contract's {@code errors}, and an unknown path a 404
 * that does not repeat the path.
 */
public abstract class ParameterProblemAdviceBase extends ProblemAdviceBase {

    private final String invalidDetail;

    /** {@code invalidDetail}: the detail of the service's {@code invalid-request} problems. */
    protected ParameterProblemAdviceBase(ProblemTypeBase types, String invalidDetail) {
        super(types);
        this.invalidDetail = invalidDetail;
    }

    /** One entry of the contract's {@code errors} array. */
    public record FieldMessage(String field, String message) {
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, List.of(new FieldMessage(ex.getParameterName(), "is required")), headers, request);
    }

    /** Spring's own detail repeats the rejected value: name the parameter instead. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return invalid(ex, List.of(new FieldMessage(field, mismatchMessage(ex.getRequiredType()))), headers, request);
    }

    /** The message for a value that is not of the parameter's type. */
    protected String mismatchMessage(@Nullable Class<?> required) {
        return "has the wrong type";
    }

    /** Spring's own detail names the resource asked for; the path says nothing a caller does not know. */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // typed not-found by createResponseEntity
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at this path.");
        problem.setTitle("Not found");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    /** The 400 {@code invalid-request} problem with these errors. */
    protected final @Nullable ResponseEntity<Object> invalid(Exception ex, List<?> errors, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, types.invalidRequest(invalidDetail, errors), headers, HttpStatus.BAD_REQUEST,
                request);
    }
}
