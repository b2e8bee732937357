package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service: events in through the real broker, answers out through HTTP. */
class ArticleServiceIntegrationTests extends IntegrationTestBase {

    @Test
    void shouldServeTheSeedArticleByIdWithItsOffsetAndListItFirst() {
        Article seed = TestArticles.seed(TestArticles.newId());
        // given no other article published after the seed (servers may keep data between runs)
        jdbc.sql("DELETE FROM articles WHERE published_at >= :seed AND published_at <= now()")
                .param("seed", TestArticles.SEED_PUBLISHED_AT).update();

        publish(TestArticles.published(seed));

        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", seed.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(seed.id())
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("published")
                .jsonPath("$.headline").isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন")
                .jsonPath("$.publishedAt").isEqualTo("2025-07-13T10:42:00+06:00")
                .jsonPath("$.updatedAt").isEqualTo("2025-07-13T10:42:00+06:00")
                .jsonPath("$.tags[0]").isEqualTo("উত্তর কোরিয়া")
                .jsonPath("$.edition").isEqualTo("online")
                .jsonPath("$.leadImage.caption").isEqualTo("উত্তর কোরিয়ার নেতা কিম জং উন।")
                .jsonPath("$.source").isEqualTo("তাস নিউজ এজেন্সি")
                .jsonPath("$.url").isEqualTo(seed.url()));
        http.get().uri("/api/v1/articles/latest").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo(seed.id())
                .jsonPath("$.items[0].headline").isEqualTo(seed.headline())
                .jsonPath("$.items[0].section").isEqualTo("international")
                .jsonPath("$.items[0].publishedAt").isEqualTo("2025-07-13T10:42:00+06:00")
                .jsonPath("$.items[0].url").isEqualTo(seed.url())
                .jsonPath("$.items[0].leadImage.url").isEqualTo("https://images.example.com/kim.jpg")
                .jsonPath("$.items[0].bodyHtml").doesNotExist();
    }

    @Test
    void shouldNotLetARedeliveredOlderVersionOverwriteTheNewerOne() {
        Article v1 = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        ArticleUpdated v2 = TestArticles.updated(v1, "সংশোধিত শিরোনাম");
        publish(TestArticles.published(v1));
        publish(v2);
        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", v1.id()).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(2));
        double stale = events("ignored-stale");

        publish(TestArticles.published(v1));

        eventually().until(() -> events("ignored-stale") > stale);
        http.get().uri("/api/v1/articles/{id}", v1.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.headline").isEqualTo("সংশোধিত শিরোনাম");
    }

    @Test
    void shouldAnswer404OnceUnpublishedAnd410OnceDeleted() {
        Article unpublished = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        Article deleted = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        publish(TestArticles.published(unpublished));
        publish(TestArticles.published(deleted));
        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", deleted.id()).exchange()
                .expectStatus().isOk());

        Instant now = Instant.now();
        publish(new ArticleUnpublished(unpublished.id(), 2, now,
                unpublished.withStatus(ArticleStatus.UNPUBLISHED, 2, now.atOffset(ZoneOffset.ofHours(6)))));
        publish(new ArticleDeleted(deleted.id(), 2, now));

        eventually().untilAsserted(() -> expectProblem("/api/v1/articles/" + unpublished.id(), 404));
        eventually().untilAsserted(() -> expectProblem("/api/v1/articles/" + deleted.id(), 410));
        assertThat(latestIds(50)).doesNotContain(unpublished.id(), deleted.id());
    }

    @Test
    void shouldKeepAScheduledArticleOutOfLatestAndHiddenUntilItsTime() {
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(6)).plusDays(1);
        Article scheduled = TestArticles.publishedAt(TestArticles.newId(), tomorrow);

        publish(TestArticles.published(scheduled));

        eventually().until(() -> jdbc.sql("SELECT count(*) FROM articles WHERE id = :id")
                .param("id", scheduled.id()).query(Long.class).single() == 1);
        assertThat(latestIds(50)).doesNotContain(scheduled.id());
        expectProblem("/api/v1/articles/" + scheduled.id(), 404);
    }

    @Test
    void shouldDeadLetterUndecodableEventsAndGoOnWithTheNextOne() {
        Article article = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        byte[] garbage = {(byte) 0xff, 0x00, 0x13, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
        byte[] fromTheFuture = new String(EventCodec.encode(TestArticles.published(article)), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2").getBytes(StandardCharsets.UTF_8);
        double deadLettered = events("dead-lettered");

        // one key, so one partition: the valid event comes after the two bad ones
        send(article.id(), garbage);
        send(article.id(), fromTheFuture);
        publish(TestArticles.published(article));

        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", article.id()).exchange()
                .expectStatus().isOk());
        List<ConsumerRecord<String, byte[]>> parked = deadLetters(article.id(), 2);
        assertThat(parked).extracting(ConsumerRecord::value).containsExactly(garbage, fromTheFuture);
        assertThat(parked).allSatisfy(record -> {
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES);
            // the reason travels with the event
            assertThat(header(record, ArticleEventErrorHandling.REASON_HEADER)).startsWith("news.prokash.contracts.");
        });
        assertThat(events("dead-lettered")).isEqualTo(deadLettered + 2);
    }

    @Test
    void shouldAnswerBadRequestsWithProblemDetails() {
        expectProblem("/api/v1/articles/latest?limit=0", 400)
                .jsonPath("$.errors[0].field").isEqualTo("limit")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 1 and 50");
        expectProblem("/api/v1/articles/latest?limit=51", 400);
        expectProblem("/api/v1/articles/latest?limit=abc", 400)
                .jsonPath("$.errors[0].field").isEqualTo("limit")
                .jsonPath("$.errors[0].message").isEqualTo("must be a whole number");
        expectProblem("/api/v1/articles/" + TestArticles.newId(), 404);
        expectProblem("/api/v1/nothing-here", 404);
    }

    @Test
    void shouldExposeTheEventCountersToPrometheus() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .containsPattern("prokash_articles_events_total\\{application=\"article-service\",instance_id=\"[^\"]+\",outcome=\"applied\"}")
                        .contains("outcome=\"dead-lettered\"")
                        // publish-to-stored, with the buckets the delay alert reads
                        .contains("prokash_articles_stored_delay_seconds_bucket{application=\"article-service\",event=\"published\"")
                        .contains("le=\"10.0\"")
                        .contains("http_server_requests_seconds_bucket"));
    }

    private List<String> latestIds(int limit) {
        ArticleList list = http.get().uri("/api/v1/articles/latest?limit={limit}", limit).exchange()
                .expectStatus().isOk()
                .expectBody(ArticleList.class)
                .returnResult()
                .getResponseBody();
        assertThat(list).isNotNull();
        return list.items().stream().map(ArticleSummary::id).toList();
    }

    private BodyContentSpec expectProblem(String uri, int status) {
        return http.get().uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").exists()
                .jsonPath("$.detail").exists()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }
}
