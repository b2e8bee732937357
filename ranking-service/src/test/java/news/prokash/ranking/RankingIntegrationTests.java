package news.prokash.ranking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.Edition;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.LeadImage;
import news.prokash.contracts.Topics;
import news.prokash.harness.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole service against a real Kafka broker: articles in, views through HTTP, the list out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RankingIntegrationTests {

    private static final Path STATE_DIR = Path.of("target", "kafka-streams-it").toAbsolutePath();

    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        // local state from an earlier run describes another broker's topics: start clean
        FileSystemUtils.deleteRecursively(STATE_DIR);
        registry.add("spring.cloud.stream.kafka.streams.binder.configuration.state.dir", STATE_DIR::toString);
        RealInfrastructure.kafka(registry);
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void shouldRankArticlesByViewsFromSeveralVisitors() throws Exception {
        String most = id("most");
        String older = id("older");
        String newer = id("newer");
        publish(article(most, "রাশিয়ার পাশে আছেন কিম জং উন", at(10)));
        publish(article(older, "এক ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ", at(8)));
        publish(article(newer, "তত্ত্বাবধায়ক সরকার গঠন নিয়ে আলোচনা শুরু মঙ্গলবার", at(12)));

        firstView(most, "visitor-1");
        firstView(older, "visitor-1");
        firstView(newer, "visitor-1");
        for (String visitor : List.of("visitor-2", "visitor-3", "visitor-4")) {
            assertThat(postView(most, visitor).statusCode()).isEqualTo(202);
        }
        assertThat(postView(older, "visitor-2").statusCode()).isEqualTo(202);
        assertThat(postView(newer, "visitor-2").statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> mine = popularItems(50).stream()
                    .filter(item -> List.of(most, older, newer).contains(item.get("id").asString()))
                    .toList();
            assertThat(mine).extracting(item -> item.get("id").asString()).containsExactly(most, newer, older);
            assertThat(mine).extracting(item -> item.get("views").asLong()).containsExactly(4L, 2L, 2L);
            JsonNode first = mine.getFirst();
            assertThat(first.get("headline").asString()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
            assertThat(first.get("section").asString()).isEqualTo("international");
            assertThat(first.get("url").asString()).isEqualTo("https://prokash.example/international/" + most);
            assertThat(first.get("publishedAt").asString()).isEqualTo("2025-07-13T10:42:00+06:00");
            assertThat(first.get("leadImage").get("url").asString()).isEqualTo("https://images.example.com/kim.jpg");
            assertThat(first.get("rank").asInt()).isPositive();
        });
        List<JsonNode> all = popularItems(50);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("rank").asInt()).isEqualTo(i + 1);
        }

        // the User-Agent header stands in for a body without userAgent
        assertThat(viewsOnTopic(most)).extracting(ArticleViewed::userAgent).contains("prokash-integration-test");
        assertThat(prometheus()).contains("prokash_ranking_views_total{application=\"ranking-service\",outcome=\"accepted\"}");
    }

    @Test
    void shouldAnswer404ForUnknownOrRescheduledArticlesAndWriteNothing() throws Exception {
        String unknown = id("unknown");
        String rescheduled = id("rescheduled");
        Article article = article(rescheduled, "পরে", at(9));
        publish(article);
        firstView(rescheduled, "visitor-1");
        await().atMost(PATIENCE).until(() -> popularIds().contains(rescheduled));

        HttpResponse<String> unknownAnswer = postView(unknown, "visitor-1");
        assertProblem(unknownAnswer, 404);
        assertThat(JSON.readTree(unknownAnswer.body()).get("title").asString()).isEqualTo("Unknown article");

        // moved to tomorrow: no list may show it, so no view of it counts until then
        OffsetDateTime tomorrow = OffsetDateTime.now(DHAKA).plusDays(1);
        send(new ArticleUpdated(rescheduled, 2, Instant.now(), new Article(rescheduled, 2, ArticleStatus.PUBLISHED,
                article.headline(), null, null, article.bodyHtml(), article.bodyText(), article.section(),
                article.tags(), article.byline(), article.edition(), article.language(), tomorrow,
                OffsetDateTime.now(DHAKA), article.leadImage(), null, article.slug(), article.url())));
        // polling the list, not the view intake: a view sent before the update lands would count
        await().atMost(PATIENCE).until(() -> !popularIds().contains(rescheduled));
        assertProblem(postView(rescheduled, "visitor-2"), 404);

        assertThat(viewsOnTopic(unknown)).isEmpty();
        assertThat(viewsOnTopic(rescheduled)).extracting(ArticleViewed::visitorId).containsExactly("visitor-1");
    }

    @Test
    void shouldTakeUnpublishedArticlesOffTheList() throws Exception {
        String id = id("unpublished");
        Article article = article(id, "খ", at(7));
        publish(article);
        firstView(id, "visitor-1");
        await().atMost(PATIENCE).until(() -> popularIds().contains(id));

        send(new ArticleUnpublished(id, 2, Instant.now(), article.withStatus(ArticleStatus.UNPUBLISHED, 2,
                OffsetDateTime.now(DHAKA))));

        await().atMost(PATIENCE).until(() -> !popularIds().contains(id));
        assertProblem(postView(id, "visitor-2"), 404);
    }

    @Test
    void shouldAnswerBadRequestsWithProblems() throws Exception {
        assertProblem(post("{\"articleId\": "), 400);
        assertProblem(post("[]"), 400);

        HttpResponse<String> missingVisitor = post("{\"articleId\": \"a\"}");
        assertProblem(missingVisitor, 400);
        assertThat(JSON.readTree(missingVisitor.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("visitorId");

        HttpResponse<String> longVisitor = post(JSON.writeValueAsString(Map.of("articleId", "a", "visitorId", "v".repeat(129))));
        assertProblem(longVisitor, 400);

        HttpResponse<String> badTime = post("{\"articleId\": \"a\", \"visitorId\": \"v\", \"viewedAt\": \"yesterday\"}");
        assertProblem(badTime, 400);
        assertThat(badTime.body()).doesNotContain("Exception").doesNotContain("tools.jackson");

        for (String limit : List.of("0", "51", "many")) {
            assertProblem(get("/api/v1/popular?limit=" + limit), 400);
        }
        assertThat(prometheus()).contains("outcome=\"rejected\"");
    }

    private static String id(String name) {
        return name + "-" + RUN;
    }

    private void firstView(String articleId, String visitorId) {
        // 404 while the article is on its way into the global store, 503 while Kafka Streams starts
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> postView(articleId, visitorId).statusCode() == 202);
    }

    private HttpResponse<String> postView(String articleId, String visitorId) throws IOException, InterruptedException {
        return post(JSON.writeValueAsString(Map.of("articleId", articleId, "visitorId", visitorId)));
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/views"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "prokash-integration-test")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> popularItems(int limit) throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/v1/popular?limit=" + limit);
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(answer.body()).get("items").forEach(items::add);
        return items;
    }

    private List<String> popularIds() throws IOException, InterruptedException {
        return popularItems(50).stream().map(item -> item.get("id").asString()).toList();
    }

    private String prometheus() throws IOException, InterruptedException {
        return get("/actuator/prometheus").body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
    }

    private void publish(Article article) throws ExecutionException, InterruptedException {
        send(new ArticlePublished(article.id(), article.version(), Instant.now(), article));
    }

    private void send(ArticleEvent event) throws ExecutionException, InterruptedException {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringSerializer(), new ByteArraySerializer());
        }
        producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventCodec.encode(event))).get();
    }

    /** Everything on the views topic for one article, read from the start to the current end. */
    private List<ArticleViewed> viewsOnTopic(String articleId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.VIEWS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ArticleViewed> views = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (articleId.equals(record.key())) {
                        views.add(EventCodec.decodeView(record.value()));
                    }
                }
            }
            return views;
        }
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2025, 7, 13, hour, 42, 0, 0, DHAKA);
    }

    private static Article article(String id, String headline, OffsetDateTime publishedAt) {
        return new Article(id, 1, ArticleStatus.PUBLISHED, headline, null, null, "<p>…</p>", "…", "international",
                List.of("উত্তর কোরিয়া"), "কালবেলা ডেস্ক", Edition.ONLINE, "bn", publishedAt, publishedAt,
                new LeadImage("https://images.example.com/kim.jpg", "উত্তর কোরিয়ার নেতা কিম জং উন।", "সংগৃহীত"), null,
                id, "https://prokash.example/international/" + id);
    }
}
