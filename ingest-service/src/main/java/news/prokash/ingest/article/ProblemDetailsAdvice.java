package news.prokash.ingest.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import news.prokash.ingest.config.RequestSizeLimitFilter;
import news.prokash.ingest.config.SecurityConfig;
import news.prokash.web.LimitedBody;
import news.prokash.web.ProblemAdviceBase;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem details. Bad requests carry {@code errors: [{field, message}]},
 * where {@code field} is the JSON path ({@code leadImage.url}, {@code tags[2]}) or {@code $} for
 * the body as a whole. Messages are our own: a library's exception text never reaches the client.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAdviceBase {

    private static final String BODY = "$";

    private final IngestMetrics metrics;

    ProblemDetailsAdvice(IngestMetrics metrics) {
        super(ProblemTypes.TYPES);
        this.metrics = metrics;
    }

    record FieldMessage(String field, String message) {

        /** The order of a problem's {@code errors}: by field, then message. */
        static final Comparator<FieldMessage> ORDER = Comparator.comparing(FieldMessage::field)
                .thenComparing(FieldMessage::message);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldMessage(error.getField(), message(error)));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldMessage(BODY, message(error)));
        }
        errors.sort(FieldMessage.ORDER);
        return badRequest(ex, fieldsInvalid(errors.size()), errors, headers, request);
    }

    /** A body that {@link IngestRequestValidator} refused. */
    @ExceptionHandler(InvalidArticleException.class)
    ResponseEntity<Object> handleInvalid(InvalidArticleException ex, WebRequest request) {
        return badRequest(ex, fieldsInvalid(ex.errors().size()), ex.errors(), new HttpHeaders(), request);
    }

    static String fieldsInvalid(int count) {
        return count == 1 ? "1 field is invalid." : count + " fields are invalid.";
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        LimitedBody.TooLargeException tooLarge = cause(ex, LimitedBody.TooLargeException.class);
        if (tooLarge != null) {
            metrics.rejected();
            ProblemDetail problem = RequestSizeLimitFilter.tooLarge(tooLarge.limit());
            return createResponseEntity(problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        FieldMessage error = cause(ex, RequestSizeLimitFilter.NotUtf8Exception.class) != null
                ? new FieldMessage(BODY, "is not valid UTF-8") : unreadable(ex);
        String detail = error.field().equals(BODY) ? "The request body could not be read." : "1 field is invalid.";
        return badRequest(ex, detail, List.of(error), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        metrics.rejected();
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    /** The firewall checks header values when they are read, so a bad one can surface inside a handler. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
        metrics.rejected();
        return createResponseEntity(SecurityConfig.rejected(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** The shared last-resort 500, counted as a failure. */
    @Override
    protected void unexpected(Exception ex) {
        metrics.failed();
    }

    private ResponseEntity<Object> badRequest(Exception ex, String detail, List<FieldMessage> errors,
            HttpHeaders headers, WebRequest request) {
        metrics.rejected();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(types.of("invalid-article"));
        problem.setTitle("Invalid article");
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String message(ObjectError error) {
        String message = error.getDefaultMessage();
        return message == null ? "is invalid" : message;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Locate the problem in the JSON without quoting the parser, whose messages echo input and internals. */
    private static FieldMessage unreadable(HttpMessageNotReadableException ex) {
        JacksonException jackson = jacksonCause(ex);
        if (jackson == null) {
            return new FieldMessage(BODY, "must be a JSON object");
        }
        return unreadable(jackson);
    }

    static FieldMessage unreadable(JacksonException jackson) {
        String path = path(jackson);
        if (jackson instanceof UnrecognizedPropertyException) {
            return new FieldMessage(path, "is not a known field");
        }
        if (jackson instanceof MismatchedInputException) {
            return path.equals(BODY) ? new FieldMessage(BODY, "must be a JSON object")
                    : new FieldMessage(path, "has the wrong type");
        }
        return new FieldMessage(BODY, "is not valid JSON");
    }

    private static @Nullable JacksonException jacksonCause(Throwable ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }
}
