package news.prokash.article.article;

import news.prokash.article.config.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A feed of a section the site does not have. */
class SectionNotFoundException extends ErrorResponseException {

    SectionNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The site has no such section.");
        problem.setTitle("Section not found");
        problem.setType(ProblemTypes.of("section-not-found"));
        return problem;
    }
}
