package news.prokash.article.config;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** One entry of the {@code errors} array that validation problems carry (walking-skeleton contract). */
public record FieldProblem(String field, String message) {

    public static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                field + " " + message);
        problem.setTitle("Invalid request");
        problem.setType(ProblemTypes.of("invalid-request"));
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return problem;
    }
}
