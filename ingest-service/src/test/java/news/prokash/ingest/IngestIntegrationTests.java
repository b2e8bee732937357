package news.prokash.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, validation and the topic, against real Kafka and PostgreSQL: what is answered is what is on the topic. */
class IngestIntegrationTests extends IngestIntegrationSupport {

    @Test
    void shouldPublishTheSeedArticleAsAnswered() {
        var answer = http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(SEED)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(Accepted.class)
                .returnResult();
        Accepted ingested = answer.getResponseBody();
        assertThat(ingested).isNotNull();
        assertThat(answer.getResponseHeaders().getLocation())
                .hasToString("http://localhost:8082/api/v1/articles/" + ingested.id());

        List<ConsumerRecord<String, byte[]>> records = readToTheEnd();

        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(ingested.id());
        ArticleEvent event = EventCodec.decodeArticleEvent(record.value());
        assertThat(event).isInstanceOf(ArticlePublished.class);
        assertThat(event.articleId()).isEqualTo(ingested.id());
        assertThat(event.version()).isEqualTo(ingested.version()).isEqualTo(1);
        Article article = event.article();
        assertThat(article).isNotNull();
        assertThat(article.bodyHtml()).isEqualTo(
                "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p>"
                        + "<p>বৈঠকটি গত ১২ জুলাই উনসানে অনুষ্ঠিত হয়।</p>");
        assertThat(article.bodyText()).isEqualTo(
                "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।\n\n"
                        + "বৈঠকটি গত ১২ জুলাই উনসানে অনুষ্ঠিত হয়।");
        assertThat(article.slug()).startsWith("rashiyar-pashe-achhen-kim-jong-un-");
        assertThat(article.url()).isEqualTo("https://prokash.example/international/" + article.slug());
        assertThat(article.publishedAt()).hasToString("2025-07-13T10:42+06:00");
        assertThat(article.updatedAt().getOffset()).isEqualTo(article.publishedAt().getOffset());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"publishedAt\":\"2025-07-13T10:42:00+06:00\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid JSON    | {"headline": "কিম",                        | 400
            missing headline | "headline": "রাশিয়ার পাশে আছেন কিম জং উন", | 400
            unknown section | "section": "international",               | 400
            script in body  | "bodyHtml": "<p>                          | 400
            event handler   | "bodyHtml": "<p>                          | 400
            javascript link | "bodyHtml": "<p>                          | 400
            wrong type      | "tags": [                                 | 400
            unknown language | "language": "bn",                        | 400
            bad zone offset | "publishedAt": "2025-07-13T10:42:00+06:00", | 400
            """)
    void shouldRejectBadInputAndWriteNothing(String name, String part, int status) {
        String body = switch (name) {
            case "invalid JSON" -> part;
            case "missing headline" -> SEED.replace(part, "");
            case "unknown section" -> SEED.replace(part, "\"section\": \"weather\",");
            case "event handler" -> SEED.replace(part, "\"bodyHtml\": \"<img src=x onerror=alert(1)><p>");
            case "javascript link" -> SEED.replace(part, "\"bodyHtml\": \"<a href='java\\tscript:alert(1)'>x</a><p>");
            case "wrong type" -> SEED.replace(part, "\"tags\": 7, \"x\": [");
            case "unknown language" -> SEED.replace(part, "\"language\": \"fr\",");
            case "bad zone offset" -> SEED.replace(part, "\"publishedAt\": \"2025-07-13T10:42:00+25:00\",");
            default -> SEED.replace(part, "\"bodyHtml\": \"<script>fetch('https://evil.example/')</script><p>");
        };
        assertThat(body).isNotEqualTo(SEED);

        http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.valueOf(status))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[0].field").exists()
                .jsonPath("$.errors[0].message").exists();

        assertThat(readToTheEnd()).isEmpty();
    }

    @Test
    void shouldAcceptAScheduledArticleAsIsForTheReadersToHideUntilItsTime() {
        String future = SEED.replace("2025-07-13T10:42:00+06:00", "2099-01-01T08:00:00+06:00");

        Accepted accepted = http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(future)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Accepted.class).returnResult().getResponseBody();

        assertThat(accepted).isNotNull();
        ArticleEvent event = EventCodec.decodeArticleEvent(readToTheEnd().getFirst().value());
        assertThat(event.article()).isNotNull();
        assertThat(event.article().publishedAt()).hasToString("2099-01-01T08:00+06:00");
        assertThat(jdbc.sql("select version from ingest.article where id = ?").param(accepted.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldDeclareTheArticlesTopicCompactedWithSixPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafkaProperties.getBootstrapServers())))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.ARTICLES)).allTopicNames().get().get(Topics.ARTICLES);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(topic.partitions()).hasSize(Topics.PARTITIONS);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldServeTheOpenApiDescriptionWithoutAToken() {
        http.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/articles'].post").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}'].put").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/unpublish'].post").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}'].delete").exists()
                .jsonPath("$.paths['/api/v1/articles/bulk'].post").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                // the request's constraints, read from IngestRequest's annotations (checked by IngestRequestValidator)
                .jsonPath("$.components.schemas.IngestRequest.properties.headline.maxLength").isEqualTo(300)
                .jsonPath("$.components.schemas.IngestRequest.required").value(required ->
                        assertThat(required.toString()).contains("headline", "bodyHtml", "publishedAt"));
    }

    @Test
    void shouldExposePrometheusMetricsWithTheApplicationTag() {
        http.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .containsPattern("prokash_ingest_articles_total\\{application=\"ingest-service\",instance_id=\"[^\"]+\",outcome=\"accepted\"}")
                        .contains("http_server_requests_seconds_bucket"));
    }

}
