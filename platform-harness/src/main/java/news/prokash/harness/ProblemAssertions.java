package news.prokash.harness;

import java.util.regex.Pattern;

import news.prokash.harness.RawHttp.Answer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every hostile-input test makes of a refusal. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {
    }

    /**
     * The status, {@code application/problem+json}, a type under the service's base ({@code base + type}
     * exactly, if a type is given) and nothing in the body that {@code leak} finds (each service names its
     * own internals); the parsed problem.
     */
    public static JsonNode assertProblem(Answer answer, int status, String base, @Nullable String type, Pattern leak) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(leak.matcher(answer.body()).find()).as(answer.body()).isFalse();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith(base);
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo(base + type);
        }
        return problem;
    }
}
