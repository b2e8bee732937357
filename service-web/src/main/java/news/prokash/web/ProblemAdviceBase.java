package news.prokash.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every service's {@code @RestControllerAdvice} does the same way: Spring MVC's own problems get a type
 * under the service's {@link ProblemTypeBase}, and anything unexpected is a bare 500 problem, logged here, so no
 * exception text, class name or stack trace reaches a caller. A service adds its own problems in its subclass.
 */
public abstract class ProblemAdviceBase extends ResponseEntityExceptionHandler {

    // the concrete advice's name, so the log says which service's handler it was
    private final Logger log = LoggerFactory.getLogger(getClass());

    protected final ProblemTypeBase types;

    protected ProblemAdviceBase(ProblemTypeBase types) {
        this.types = types;
    }

    /** The last resort: a 500 that says nothing about the cause (it is in the log). */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        unexpected(ex);
        return createResponseEntity(internalError(), new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Called for each unexpected error once it is logged; a service that counts failures does it here. */
    protected void unexpected(Exception ex) {
    }

    /** The body of the last-resort 500: fixed texts, the same as the error path's. */
    protected ProblemDetail internalError() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemErrorReports.SERVER_DETAIL);
        problem.setType(types.of("internal-error"));
        return problem;
    }

    /** Spring MVC's own problems (404 of an unknown path, 405, 406, 415…) come without a type: a type of ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        types.typeIfMissing(body, statusCode.value());
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
