package news.prokash.article.config;

import java.net.URI;

import news.prokash.web.ProblemTypeBase;

/** Problem {@code type} URIs of the read API (RFC 9457 identifiers, stable; they need not resolve). */
public final class ProblemTypes {

    public static final String BASE = "https://prokash.example/problems/";

    /** The base as the shared web edge uses it (Tomcat's refusals, the error path, Spring's own problems). */
    public static final ProblemTypeBase TYPES = new ProblemTypeBase(BASE);

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return TYPES.of(name);
    }
}
