package news.prokash.ingest;

import java.time.Duration;

import news.prokash.harness.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka unreachable (a closed port; the harness's broker is shared by the JVM and stays up): 503
 * with Retry-After, nothing stored, and later requests are refused fast. A context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1000", "prokash.ingest.fail-fast-for=1m" })
@AutoConfigureRestTestClient
class KafkaDownIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.postgres(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + IngestIntegrationSupport.PUBLIC_KEY_PEM);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldAnswer503WithRetryAfterAndWriteNothing() {
        long before = jdbc.sql("select count(*) from ingest.article").query(Long.class).single();
        String slug = "kafka-down-" + Long.toHexString(System.nanoTime());
        String body = IngestIntegrationSupport.SEED.replace("\"slug\": null", "\"slug\": \"" + slug + "\"");

        for (int attempt = 0; attempt < 2; attempt++) {
            long started = System.nanoTime();
            http.post().uri("/api/v1/articles")
                    .headers(h -> h.setBearerAuth(IngestIntegrationSupport.editor()))
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(attempt == 0 ? Duration.ofSeconds(9) : Duration.ofMillis(500));
        }

        assertThat(jdbc.sql("select count(*) from ingest.article").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from ingest.article where slug = ?").param(slug).query(Long.class).single())
                .isZero();
    }
}
