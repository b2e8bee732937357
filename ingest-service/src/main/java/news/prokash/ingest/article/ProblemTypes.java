package news.prokash.ingest.article;

import news.prokash.web.ProblemTypeBase;

/** Problem {@code type} URIs of this API (RFC 9457 identifiers; they need not resolve). */
public final class ProblemTypes {

    public static final String BASE = "https://prokash.example/problems/";

    /** The base as the shared web edge uses it (Tomcat's refusals, the error path, Spring's own problems). */
    public static final ProblemTypeBase TYPES = new ProblemTypeBase(BASE);

    private ProblemTypes() {
    }
}
