package news.prokash.search.search;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No published article with this id: 404 problem. */
class ArticleNotFoundException extends ErrorResponseException {

    ArticleNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No published article has this id.");
        problem.setTitle("Article not found");
        problem.setType(URI.create("https://prokash.news/problems/article-not-found"));
        return problem;
    }
}
