package news.prokash.ranking.config;

import news.prokash.web.ProblemTypeBase;
import org.springframework.http.ProblemDetail;

/** Every problem this service answers has a stable {@code type} under one base. */
public final class ProblemTypes {

    public static final String BASE = "https://prokash.news/problems/";

    /** The base as the shared web edge uses it (Tomcat's refusals, the error path, Spring's own problems). */
    public static final ProblemTypeBase TYPES = new ProblemTypeBase(BASE);

    private ProblemTypes() {
    }

    public static ProblemDetail typed(ProblemDetail problem, String slug) {
        problem.setType(TYPES.of(slug));
        return problem;
    }
}
