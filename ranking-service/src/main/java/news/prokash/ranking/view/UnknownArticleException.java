package news.prokash.ranking.view;

import news.prokash.ranking.config.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Views count only for articles readers can see: unknown, unpublished, deleted or scheduled ones are 404. */
class UnknownArticleException extends ErrorResponseException {

    UnknownArticleException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No published article has this id.");
        problem.setTitle("Unknown article");
        return ProblemTypes.typed(problem, "unknown-article");
    }
}
