package news.prokash.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole service against a real Kafka broker and a real Elasticsearch 9.2 with the Bengali
 * analysis plugin: events in through the topic, answers out through HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests extends ServiceIntegrationTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(30);

    private static final String SEED = "seed-" + UUID.randomUUID();
    private static final String HILSA = "hilsa-" + UUID.randomUUID();
    private static final String BUDGET = "budget-" + UUID.randomUUID();
    private static final String CRICKET = "cricket-" + UUID.randomUUID();

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ElasticsearchClient elasticsearch;

    private RestTestClient http;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void publishTheCorpus() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        for (Article article : List.of(TestArticles.seed(SEED), TestArticles.hilsa(HILSA), TestArticles.budget(BUDGET),
                TestArticles.cricket(CRICKET))) {
            send(published(article));
        }
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> assertThat(
                ids(search("কিম")) .size() + ids(search("ইলিশ")).size() + ids(search("মিরাজ")).size()).isGreaterThanOrEqualTo(4));
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void shouldFindTheSeedArticleByTheStemOfAnInflectedWord() {
        // the text says রাশিয়ার ("of Russia"); the reader types the bare noun
        JsonNode answer = search("রাশিয়া");

        assertThat(ids(answer)).first().isEqualTo(SEED);
        JsonNode item = answer.get("items").get(0);
        assertThat(item.get("snippet").asString()).contains("<mark>").contains("</mark>");
        assertThat(item.get("headlineHighlighted").asString()).contains("<mark>রাশিয়ার</mark>");
        assertThat(item.get("section").asString()).isEqualTo("international");
        assertThat(item.get("publishedAt").asString()).isEqualTo("2025-07-13T10:42:00+06:00");
        assertThat(item.get("url").asString()).startsWith("https://prokash.news/international/");
        assertThat(item.get("leadImage").get("url").asString()).startsWith("https://images.example.com/");
    }

    @Test
    void shouldFindTheSeedArticleByName() {
        JsonNode answer = search("কিম জং উন");

        assertThat(answer.get("query").asString()).isEqualTo("কিম জং উন");
        assertThat(ids(answer)).first().isEqualTo(SEED);
        // the highlighter marks the matched phrase as one span
        assertThat(answer.get("items").get(0).get("snippet").asString()).contains("<mark>কিম জং উন</mark>");
    }

    @Test
    void shouldFindNuktaFormTextWhenTheQueryHasPrecomposedYa() {
        // U+09DF (precomposed য়) in the query; the seed text has U+09AF U+09BC
        assertThat(TestArticles.seed(SEED).bodyText()).doesNotContain("\u09DF").contains("\u09AF\u09BC");

        assertThat(ids(search("রাশি\u09DFা"))).first().isEqualTo(SEED);
        assertThat(ids(search("কোরি\u09DFার নেতা"))).first().isEqualTo(SEED);
    }

    @Test
    void shouldFindAsciiDigitsWithBengaliDigits() {
        // the cricket report says "12 ওভারে"
        JsonNode answer = search("১২ ওভারে");

        assertThat(ids(answer)).first().isEqualTo(CRICKET);
        assertThat(answer.get("items").get(0).get("snippet").asString()).contains("<mark>12 ওভারে</mark>");
    }

    @ParameterizedTest
    @CsvSource({
            "ইলিশের দাম, hilsa",
            "ইলিশ, hilsa",
            "বাজেট ঘাটতি, budget",
            "মূল্যস্ফীতি, budget",
            "মিরাজ টেস্ট, cricket",
            "বাংলাদেশ ক্রিকেট দল, cricket",
            "\"নিঃশর্ত সমর্থন\", seed",
            "ইউক্রেন যুদ্ধ, seed" })
    void shouldRankTheRightArticleFirst(String query, String expected) {
        String id = switch (expected) {
            case "hilsa" -> HILSA;
            case "budget" -> BUDGET;
            case "cricket" -> CRICKET;
            default -> SEED;
        };
        assertThat(ids(search(query))).first().isEqualTo(id);
    }

    @Test
    void shouldFindBothArticlesMentioningHilsaWithTheOneAboutHilsaFirst() {
        assertThat(ids(search("ইলিশ"))).startsWith(HILSA).contains(BUDGET);
    }

    @Test
    void shouldRequireAQuotedPhraseVerbatim() {
        // both words occur in the seed, but never next to each other in this order
        assertThat(ids(search("\"সমর্থন নিঃশর্ত\""))).doesNotContain(SEED);
        assertThat(ids(search("\"উপকূলীয় শহর উনসানে\""))).containsExactly(SEED);
    }

    @Test
    void shouldNotLetAnOlderVersionOverwriteANewerOne() {
        String id = "versions-" + UUID.randomUUID();
        String word = randomWord();
        Article v1 = TestArticles.article(id, 1, "পুরনো শিরোনাম " + word, "সারাংশ", "পুরনো লেখা " + word,
                "national", List.of(), TestArticles.JULY_13);
        Article v2 = new Article(id, 2, ArticleStatus.PUBLISHED, "সংশোধিত শিরোনাম " + word, null, "সারাংশ",
                "<p>নতুন লেখা</p>", "নতুন লেখা " + word, "national", List.of(), "প্রকাশ ডেস্ক", v1.edition(), "bn",
                v1.publishedAt(), v1.updatedAt().plusHours(1), null, null, v1.slug(), v1.url());
        double staleBefore = indexOutcome("stale");

        send(new ArticleUpdated(id, 2, Instant.now(), v2));
        await().atMost(INDEXED_WITHIN).until(() -> headlines(search(word)).contains(v2.headline()));
        send(published(v1));
        await().atMost(INDEXED_WITHIN).until(() -> indexOutcome("stale") > staleBefore);

        assertThat(headlines(search(word))).containsExactly(v2.headline());
    }

    @Test
    void shouldHideUnpublishedAndDeletedArticles() {
        String word = randomWord();
        Article toUnpublish = TestArticles.article("unpublish-" + UUID.randomUUID(), 1, "প্রত্যাহার " + word,
                "সারাংশ", "লেখা " + word, "politics", List.of(), TestArticles.JULY_13);
        Article toDelete = TestArticles.article("delete-" + UUID.randomUUID(), 1, "মুছে ফেলা " + word,
                "সারাংশ", "লেখা " + word, "politics", List.of(), TestArticles.JULY_13);
        send(published(toUnpublish));
        send(published(toDelete));
        await().atMost(INDEXED_WITHIN).until(() -> ids(search(word)).size() == 2);

        Article unpublished = toUnpublish.withStatus(ArticleStatus.UNPUBLISHED, 2, TestArticles.JULY_13.plusHours(2));
        send(new ArticleUnpublished(toUnpublish.id(), 2, Instant.now(), unpublished));
        send(new ArticleDeleted(toDelete.id(), 2, Instant.now()));

        await().atMost(INDEXED_WITHIN).until(() -> ids(search(word)).isEmpty());
        assertThat(search(word).get("total").asLong()).isZero();
    }

    @Test
    void shouldNotFindAScheduledArticleBeforeItsTime() throws Exception {
        String word = randomWord();
        Article scheduled = TestArticles.article("scheduled-" + UUID.randomUUID(), 1, "আগামীকালের খবর " + word,
                "সারাংশ", "লেখা " + word, "national", List.of(),
                OffsetDateTime.now(ZoneOffset.ofHours(6)).plusDays(1));

        send(published(scheduled));

        await().atMost(INDEXED_WITHIN).until(() -> elasticsearch.exists(e -> e.index("articles").id(scheduled.id())).value());
        elasticsearch.indices().refresh(r -> r.index("articles"));
        assertThat(ids(search(word))).isEmpty();
    }

    @Test
    void shouldEscapeHtmlAroundTheMarks() {
        String word = randomWord();
        Article article = TestArticles.article("html-" + UUID.randomUUID(), 1, "সংলাপ <b>" + word + "</b>", "সারাংশ",
                "<script>alert('x')</script> " + word + " R&D", "opinion", List.of(), TestArticles.JULY_13);
        send(published(article));
        await().atMost(INDEXED_WITHIN).until(() -> !ids(search(word)).isEmpty());

        JsonNode item = search(word).get("items").get(0);

        assertThat(item.get("snippet").asString()).contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("<mark>" + word + "</mark>");
        assertThat(item.get("headlineHighlighted").asString()).contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(item.get("headline").asString()).isEqualTo(article.headline());
    }

    @Test
    void shouldTreatSearchSyntaxAsPlainText() {
        for (String query : List.of("headline:(a OR b)^5 \"", "*", "\\", "status:unpublished", "{\"match_all\":{}}",
                "a AND NOT b~2", "/.*/", "।", "\"")) {
            http.get().uri("/api/v1/search?q={q}", query).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        }
        // operators are just more words (here: কিম, 2, রাশিয়ার), so the query still finds by its words
        assertThat(ids(search("কিম~2 রাশিয়ার*"))).first().isEqualTo(SEED);
    }

    @Test
    void shouldAnswerBadRequestsWithProblemDetails() {
        for (String uri : List.of("/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=x&limit=-1",
                "/api/v1/search?q=x&limit=51", "/api/v1/search?q=x&limit=abc")) {
            http.get().uri(uri).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").exists();
        }
        http.get().uri("/api/v1/search?q={q}", "ক".repeat(600)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void shouldRespectTheLimit() {
        assertThat(ids(search("ইলিশ", 1))).containsExactly(HILSA);
    }

    @Test
    void shouldDeadLetterAnUnreadableEventAndKeepIndexing() {
        String garbageKey = "garbage-" + UUID.randomUUID();
        byte[] garbage = "{not an event".getBytes(StandardCharsets.UTF_8);
        double deadLetteredBefore = indexOutcome("dead-lettered");
        producer.send(new ProducerRecord<>(Topics.ARTICLES, garbageKey, garbage));
        String word = randomWord();
        Article after = TestArticles.article(garbageKey, 1, "পরের খবর " + word, "সারাংশ", "লেখা " + word,
                "national", List.of(), TestArticles.JULY_13);

        // same key, same partition: indexed only if the consumer got past the garbage
        send(published(after));

        await().atMost(INDEXED_WITHIN).until(() -> ids(search(word)).contains(after.id()));
        assertThat(indexOutcome("dead-lettered")).isGreaterThan(deadLetteredBefore);
        assertThat(deadLetters()).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(garbageKey);
            assertThat(record.value()).isEqualTo(garbage);
        });
    }

    @Test
    void shouldReportHealthWithElasticsearchAndExposeMeters() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
        String prometheus = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(prometheus)
                .containsPattern("prokash_search_index_total\\{application=\"search-service\",instance_id=\"[^\"]+\",outcome=\"indexed\"}")
                .contains("prokash_search_searchable_delay_seconds_bucket", "prokash_search_bulk_seconds_bucket",
                        "prokash_search_queries_seconds_bucket", "prokash_search_elasticsearch_up",
                        "http_server_requests_seconds_bucket");
    }

    private JsonNode search(String query) {
        return search(query, 10);
    }

    private JsonNode search(String query, int limit) {
        return http.get().uri("/api/v1/search?q={q}&limit={limit}", query, limit).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> headlines(JsonNode answer) {
        List<String> headlines = new ArrayList<>();
        answer.get("items").forEach(item -> headlines.add(item.get("headline").asString()));
        return headlines;
    }

    private double indexOutcome(String outcome) {
        return meters.get("prokash.search.index").tag("outcome", outcome).counter().count();
    }

    private void send(ArticleEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventCodec.encode(event))).get();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArticlePublished published(Article article) {
        return new ArticlePublished(article.id(), article.version(), Instant.now(), article);
    }

    /** A word no other test uses, so each test sees only its own articles. */
    private static String randomWord() {
        StringBuilder word = new StringBuilder("x");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "search-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.ARTICLES, "search-service")));
            long until = System.currentTimeMillis() + 15_000;
            while (records.isEmpty() && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
