package news.prokash.web;

import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemAdviceBaseTests {

    private static final ProblemTypeBase TYPES = new ProblemTypeBase("https://prokash.example/problems/");

    private final Advice advice = new Advice();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe()).setControllerAdvice(advice).build();

    @RestController
    static class Probe {

        @GetMapping("/fails")
        String fails() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/count")
        String count(@RequestParam int n, @RequestParam(required = false) @Nullable TimeUnit unit) {
            return "ok";
        }

        @GetMapping("/gone")
        String gone() throws NoResourceFoundException {
            throw new NoResourceFoundException(HttpMethod.GET, "/gone", "gone/<script>");
        }
    }

    @RestControllerAdvice
    static class Advice extends ParameterProblemAdviceBase {

        int unexpected;

        Advice() {
            super(TYPES, "The request has invalid parameters.");
        }

        @Override
        protected void unexpected(Exception ex) {
            unexpected++;
        }

        @Override
        protected String mismatchMessage(@Nullable Class<?> required) {
            return required == int.class ? "must be a whole number" : super.mismatchMessage(required);
        }
    }

    @Test
    void shouldAnswerAnythingUnexpectedWithABare500() throws Exception {
        mvc.perform(get("/fails")).andExpect(status().isInternalServerError())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(content().string("{\"detail\":\"Something went wrong on our side.\",\"instance\":\"/fails\","
                        + "\"status\":500,\"title\":\"Internal Server Error\","
                        + "\"type\":\"https://prokash.example/problems/internal-error\"}"));
        assertThat(advice.unexpected).isEqualTo(1);
    }

    @Test
    void shouldTypeSpringsOwnProblems() throws Exception {
        mvc.perform(post("/count")).andExpect(status().isMethodNotAllowed())
                .andExpect(content().string("{\"detail\":\"Method 'POST' is not supported.\",\"instance\":\"/count\","
                        + "\"status\":405,\"title\":\"Method Not Allowed\","
                        + "\"type\":\"https://prokash.example/problems/method-not-allowed\"}"));
    }

    @Test
    void shouldNameTheParameterThatIsMissingOrMistyped() throws Exception {
        mvc.perform(get("/count")).andExpect(status().isBadRequest())
                .andExpect(content().string(invalid("{\"field\":\"n\",\"message\":\"is required\"}")));
        mvc.perform(get("/count").param("n", "<script>")).andExpect(status().isBadRequest())
                .andExpect(content().string(invalid("{\"field\":\"n\",\"message\":\"must be a whole number\"}")));
        mvc.perform(get("/count").param("n", "1").param("unit", "WEEKS")).andExpect(status().isBadRequest())
                .andExpect(content().string(invalid("{\"field\":\"unit\",\"message\":\"has the wrong type\"}")));
    }

    @Test
    void shouldAnswerAnUnknownResourceWithoutItsPath() throws Exception {
        mvc.perform(get("/gone")).andExpect(status().isNotFound())
                .andExpect(content().string("{\"detail\":\"There is nothing at this path.\",\"instance\":\"/gone\","
                        + "\"status\":404,\"title\":\"Not found\",\"type\":\"https://prokash.example/problems/not-found\"}"));
    }

    private static String invalid(String error) {
        return "{\"detail\":\"The request has invalid parameters.\",\"instance\":\"/count\",\"status\":400,"
                + "\"title\":\"Invalid request\",\"type\":\"https://prokash.example/problems/invalid-request\","
                + "\"errors\":[" + error + "]}";
    }
}
