package news.prokash.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The base under which a service's problem {@code type} URIs live (RFC 9457 identifiers, stable; they
 * need not resolve), and the type of a problem Spring MVC, Boot or Tomcat raised without one of ours.
 * Each service declares one as a bean.
 */
public record ProblemTypeBase(String base) {

    public ProblemTypeBase {
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("a problem type base ends with /: " + base);
        }
    }

    public URI of(String slug) {
        return URI.create(base + slug);
    }

    /** The type of a problem by its status alone. */
    public URI forStatus(int status) {
        return of(switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        });
    }

    /**
     * Spring 7 leaves the type of its own problems null or {@code about:blank} (a 404 of an unknown path,
     * 405, 406, 415…): give such a body the type of its status. Anything else is left as it is.
     */
    public void typeIfMissing(@Nullable Object body, int status) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType())))) {
            problem.setType(forStatus(status));
        }
    }

    /** The 400 {@code invalid-request} problem with the contract's {@code errors} array of {@code {field, message}}. */
    public ProblemDetail invalidRequest(String detail, List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setType(of("invalid-request"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The title of a status: its reason phrase. */
    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? (status >= 500 ? "Server error" : "Client error") : known.getReasonPhrase();
    }
}
