package news.prokash.ranking.config;

import java.net.URI;

import org.springframework.http.ProblemDetail;

/** Every problem this service answers has a stable {@code type} under one base. */
public final class ProblemTypes {

    public static final String BASE = "https://prokash.news/problems/";

    private ProblemTypes() {
    }

    public static ProblemDetail typed(ProblemDetail problem, String slug) {
        problem.setType(URI.create(BASE + slug));
        return problem;
    }
}
