package news.prokash.article.config;

import java.util.List;

import org.springframework.http.ProblemDetail;

/** One entry of the {@code errors} array that validation problems carry (walking-skeleton contract). */
public record FieldProblem(String field, String message) {

    public static ProblemDetail badRequest(String field, String message) {
        return ProblemTypes.TYPES.invalidRequest(field + " " + message, List.of(new FieldProblem(field, message)));
    }
}
