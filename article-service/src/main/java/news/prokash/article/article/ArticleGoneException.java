package news.prokash.article.article;

import news.prokash.article.config.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A deleted article answers 410 so that caches and crawlers drop it, unlike a mere 404. */
class ArticleGoneException extends ErrorResponseException {

    ArticleGoneException() {
        super(HttpStatus.GONE, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "This article has been deleted.");
        problem.setTitle("Article deleted");
        problem.setType(ProblemTypes.of("article-deleted"));
        return problem;
    }
}
