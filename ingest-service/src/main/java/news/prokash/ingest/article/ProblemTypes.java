package news.prokash.ingest.article;

/** Problem {@code type} URIs of this API (RFC 9457 identifiers; they need not resolve). */
final class ProblemTypes {

    static final String BASE = "https://prokash.example/problems/";

    private ProblemTypes() {
    }
}
