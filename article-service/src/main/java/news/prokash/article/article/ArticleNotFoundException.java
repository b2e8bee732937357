package news.prokash.article.article;

import news.prokash.article.config.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Unknown, unpublished and scheduled articles look the same to a reader: not there. */
class ArticleNotFoundException extends ErrorResponseException {

    ArticleNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No published article has this id.");
        problem.setTitle("Article not found");
        problem.setType(ProblemTypes.of("article-not-found"));
        return problem;
    }
}
