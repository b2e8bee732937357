package news.prokash.search.config;

import java.util.List;

import news.prokash.web.ParameterProblemAdviceBase;
import news.prokash.web.ProblemTypeBase;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * RFC 9457 answers for every error. Bad parameters get the contract's {@code errors} array of
 * {@code {field, message}}; anything unexpected becomes a bare 500 problem, logged, so no
 * stack trace or library message ever reaches a reader.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ParameterProblemAdviceBase {

    /** The base as the shared web edge uses it (Tomcat's refusals, the error path, Spring's own problems). */
    static final ProblemTypeBase TYPES = new ProblemTypeBase("https://prokash.news/problems/");

    ProblemDetailsAdvice() {
        super(TYPES, "The request has invalid parameters.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldMessage(String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(ex, errors, headers, request);
    }
}
