package news.prokash.article.config;

import news.prokash.web.ProblemAdviceBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem details for every error. Spring MVC's own exceptions and our {@code ErrorResponseException}s
 * are rendered by the base classes (typed, and the last-resort 500); this adds what would otherwise echo
 * user input or leak internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAdviceBase {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    // seconds: a busy pool frees in milliseconds, a restarting PostgreSQL in seconds
    private static final String STORE_RETRY_AFTER = "2";

    ApiExceptionHandler() {
        super(ProblemTypes.TYPES);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // the default detail repeats the rejected value; name the parameter and the expected type instead
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        Class<?> required = ex.getRequiredType();
        String message = required != null && isWholeNumber(required) ? "must be a whole number" : "has an invalid value";
        return handleExceptionInternal(ex, FieldProblem.badRequest(field, message), headers, status, request);
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    /**
     * PostgreSQL down, or every pooled connection busy past the pool's timeout: the reader may try again in a
     * moment (a 500 would say the request itself is broken, and clients and load balancers do not retry those).
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
        log.warn("Article store unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The article store is not reachable right now; try again shortly.");
        problem.setTitle("Store unavailable");
        problem.setType(ProblemTypes.of("store-unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER)
                .body(problem);
    }

    /** The shared last-resort 500 with this API's own title and detail (kept: they are what its clients see). */
    @Override
    protected ProblemDetail internalError() {
        ProblemDetail problem = super.internalError();
        problem.setTitle("Internal error");
        problem.setDetail("The request could not be answered; the error has been logged.");
        return problem;
    }
}
