package news.prokash.ranking.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import news.prokash.ranking.config.InvalidRequestException.FieldError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 9457 answers for what Spring MVC itself refuses (bad parameter types, missing parameters,
 * unknown paths, wrong methods or media types), each with a stable {@code type}; anything unexpected
 * is a bare 500, logged here, so no exception text, class name or stack trace reaches a caller.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        Class<?> type = ex.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
                : type == int.class || type == long.class ? "must be a whole number" : "has the wrong type";
        return invalid(ex, List.of(new FieldError(field, message)), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, List.of(new FieldError(ex.getParameterName(), "is required")), headers, request);
    }

    /** Spring's own detail names the resource asked for; the path says nothing a caller does not know. */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at this path.");
        problem.setTitle("Not found");
        return handleExceptionInternal(ex, ProblemTypes.typed(problem, "not-found"), headers, HttpStatus.NOT_FOUND,
                request);
    }

    /** Every problem Spring MVC makes gets a stable type for its status (theirs are {@code about:blank}). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemTypes.TYPES.typeIfMissing(body, statusCode.value());
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.");
        return ResponseEntity.internalServerError().body(ProblemTypes.typed(problem, "internal-error"));
    }

    private @Nullable ResponseEntity<Object> invalid(Exception ex, List<FieldError> errors, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, new InvalidRequestException(errors).getBody(), headers,
                HttpStatus.BAD_REQUEST, request);
    }
}
