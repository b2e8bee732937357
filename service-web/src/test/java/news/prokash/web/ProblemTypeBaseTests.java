package news.prokash.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.RequestDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemTypeBaseTests {

    private static final ProblemTypeBase TYPES = new ProblemTypeBase("https://prokash.example/problems/");

    @Test
    void shouldTypeByStatusUnderTheBase() {
        assertThat(TYPES.forStatus(404)).isEqualTo(URI.create("https://prokash.example/problems/not-found"));
        assertThat(TYPES.forStatus(415)).isEqualTo(URI.create("https://prokash.example/problems/unsupported-media-type"));
        assertThat(TYPES.forStatus(409)).isEqualTo(URI.create("https://prokash.example/problems/http-409"));
        assertThat(TYPES.forStatus(502)).isEqualTo(URI.create("https://prokash.example/problems/internal-error"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProblemTypeBase("https://prokash.example/problems"));
    }

    @Test
    void shouldTypeOnlySpringsUntypedProblems() {
        ProblemDetail blank = ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED);
        TYPES.typeIfMissing(blank, 405);
        assertThat(blank.getType()).isEqualTo(URI.create("https://prokash.example/problems/method-not-allowed"));

        ProblemDetail ours = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        ours.setType(TYPES.of("article-not-found"));
        TYPES.typeIfMissing(ours, 404);
        assertThat(ours.getType()).isEqualTo(TYPES.of("article-not-found"));
        TYPES.typeIfMissing("not a problem", 400);
    }

    @Test
    void shouldAnswerTheErrorPathAsAProblemThatEchoesNothing() {
        var controller = new ProblemErrorReports.ProblemErrorController(TYPES);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/<script>");
        var answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(answer.getBody());
        assertThat(problem.get("type").asString()).isEqualTo("https://prokash.example/problems/not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
        assertThat(new String(answer.getBody())).doesNotContain("script");

        // an error dispatch without a client-error status is a failure of ours
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 200);
        assertThat(controller.error(request).getStatusCode().value()).isEqualTo(500);
        // no error dispatch at all: a client asked for /error itself (the authorization matrix found these 500s)
        request.removeAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        assertThat(controller.error(request).getStatusCode().value()).isEqualTo(404);
    }
}
