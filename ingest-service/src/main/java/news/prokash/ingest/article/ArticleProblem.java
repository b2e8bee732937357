package news.prokash.ingest.article;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The answers of the lifecycle that are not "accepted": each a problem detail with its own type. */
final class ArticleProblem extends ErrorResponseException {

    private ArticleProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemTypes.BASE + type));
        problem.setTitle(title);
        return problem;
    }

    static ArticleProblem notFound(String id) {
        return new ArticleProblem(HttpStatus.NOT_FOUND, "article-not-found", "Article not found",
                "No article has the id " + id + ".");
    }

    static ArticleProblem gone() {
        return new ArticleProblem(HttpStatus.GONE, "article-deleted", "Article deleted",
                "The article was deleted; it cannot be changed any more.");
    }

    static ArticleProblem stale(long current) {
        ArticleProblem problem = new ArticleProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                "The article changed since the version in If-Match; it is at version " + current
                        + " now. Read it again, then send the change based on that version.");
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }

    static ArticleProblem versionRequired() {
        return new ArticleProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                "Send the version this change is based on as If-Match, e.g. If-Match: \"3\" (the ETag you received).");
    }

    static ArticleProblem badVersion() {
        return new ArticleProblem(HttpStatus.BAD_REQUEST, "invalid-version", "Invalid If-Match",
                "If-Match must be one ETag of this API, e.g. \"3\".");
    }

    static ArticleProblem slugTaken(String slug) {
        ArticleProblem problem = new ArticleProblem(HttpStatus.CONFLICT, "slug-taken", "Slug taken",
                "Another article already has the slug " + slug + ". Choose another or leave slug out.");
        problem.getBody().setProperty("slug", slug);
        return problem;
    }

    static ArticleProblem keyReused() {
        return new ArticleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was used for a different request. Use a new key for a new request.");
    }

    static ArticleProblem badKey() {
        return new ArticleProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                "Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.");
    }
}
