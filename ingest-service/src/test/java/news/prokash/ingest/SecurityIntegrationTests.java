package news.prokash.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens, roles, the open endpoints and the request size limit. */
class SecurityIntegrationTests extends IngestIntegrationSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "none", "expired", "forged", "garbage" })
    void shouldRefuseWithoutAValidTokenAndWriteNothing(String kind) {
        String token = switch (kind) {
            case "expired" -> token(EDITORS_KEYS, List.of("editor", "admin"), Duration.ofMinutes(-10));
            case "forged" -> token(rsaKeys(), List.of("editor", "admin"), Duration.ofMinutes(5)); // another key
            case "garbage" -> "not.a.jwt";
            default -> null;
        };

        http.post().uri("/api/v1/articles")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", v -> assertThat(v).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("https://prokash.example/problems/unauthenticated");

        assertThat(readToTheEnd()).isEmpty();
    }

    @Test
    void shouldLetOnlyAdminsDelete() {
        String id = http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Accepted.class).returnResult().getResponseBody().id();

        http.delete().uri("/api/v1/articles/{id}", id)
                .headers(h -> h.setBearerAuth(editor()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(token(EDITORS_KEYS, List.of("reader"), Duration.ofMinutes(5))))
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(readToTheEnd()).hasSize(1);

        http.delete().uri("/api/v1/articles/{id}", id)
                .headers(h -> h.setBearerAuth(admin()))
                .exchange()
                .expectStatus().isAccepted();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs" })
    void shouldKeepOperationsEndpointsOpen(String path) {
        http.get().uri(path).exchange().expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    void shouldRefuseA50MegabyteBodyEarlyWith413() {
        byte[] huge = new byte[50 * 1024 * 1024];
        long started = System.nanoTime();

        http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON).body(huge)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://prokash.example/problems/body-too-large");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(readToTheEnd()).isEmpty();
    }

    @Test
    void shouldRefuseAnOversizedArticleThatComesWithoutContentLength(@LocalServerPort int port) throws Exception {
        // 1.5 MB of valid JSON, chunked (no Content-Length): the bounded stream stops reading at 1 MB
        byte[] body = SEED.replace("\"kicker\": null", "\"kicker\": \"" + "ক".repeat(500_000) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/articles"))
                .header("Authorization", "Bearer " + editor())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("body-too-large");
        assertThat(readToTheEnd()).isEmpty();
    }
}
