package news.prokash.article.config;

import java.net.URI;

/** Problem {@code type} URIs of the read API (RFC 9457 identifiers, stable; they need not resolve). */
public final class ProblemTypes {

    public static final String BASE = "https://prokash.example/problems/";

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return URI.create(BASE + name);
    }

    /** The type of a problem Spring MVC or Tomcat raised without one of ours, by its status. */
    public static URI forStatus(int status) {
        return of(switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        });
    }
}
