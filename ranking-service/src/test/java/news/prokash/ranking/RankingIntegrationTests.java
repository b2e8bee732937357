package news.prokash.ranking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;

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
import news.prokash.harness.FreePorts;
import news.prokash.harness.Infrastructure;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service, twice, against a real Kafka broker: two instances of one application id split
 * the partitions, views go to either, and both answer the same lists; one restarts from its
 * changelogs; a third, on an application id of its own, loses a stream thread and then its whole Streams client
 * and recovers both. (Contexts in one JVM, so the module still starts one broker and no other context.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RankingIntegrationTests {

    private static final Path STATE = Path.of("target", "kafka-streams-it").toAbsolutePath();

    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final String SECTION = "section-" + RUN;

    private static final Instance A = new Instance("a");

    private static final Instance B = new Instance("b");

    /** Its own application id (A and B keep their partitions), and a global consumer the test can make fail. */
    private static final Instance C = new Instance("c", ClientFaults.class,
            "--spring.cloud.stream.kafka.streams.binder.functions.viewCounts.application-id=ranking-recovery-it");

    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        // local state from an earlier run describes another broker's topics: start clean
        FileSystemUtils.deleteRecursively(STATE);
        A.start();
        B.start();
    }

    @AfterAll
    static void stop() {
        A.stop();
        B.stop();
        C.stop();
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void shouldRankArticlesByDistinctVisitorsAndAnswerTheSameListOnBothInstances() throws Exception {
        String most = id("most");
        String older = id("older");
        String newer = id("newer");
        publish(article(most, "রাশিয়ার পাশে আছেন কিম জং উন", at(10)));
        publish(article(older, "এক ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ", at(8)));
        publish(article(newer, "তত্ত্বাবধায়ক সরকার গঠন নিয়ে আলোচনা শুরু মঙ্গলবার", at(12)));

        firstView(A, most, "visitor-1");
        firstView(B, older, "visitor-1");
        firstView(A, newer, "visitor-1");
        for (String visitor : List.of("visitor-2", "visitor-3", "visitor-4")) {
            assertThat(postView(B, most, visitor).statusCode()).isEqualTo(202);
        }
        // the same reader again, and a crawler: neither counts
        assertThat(postView(A, most, "visitor-2").statusCode()).isEqualTo(202);
        assertThat(post(A, "/api/v1/views", view(most, "googlebot"), "Googlebot/2.1 (+http://www.google.com/bot.html)")
                .statusCode()).isEqualTo(202);
        assertThat(postView(A, older, "visitor-2").statusCode()).isEqualTo(202);
        assertThat(postView(B, newer, "visitor-2").statusCode()).isEqualTo(202);

        for (Instance instance : List.of(A, B)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                List<JsonNode> mine = items(instance, "/api/v1/popular?limit=50").stream()
                        .filter(item -> List.of(most, older, newer).contains(item.get("id").asString()))
                        .toList();
                assertThat(mine).extracting(item -> item.get("id").asString()).containsExactly(most, newer, older);
                assertThat(mine).extracting(item -> item.get("views").asLong()).containsExactly(4L, 2L, 2L);
                JsonNode first = mine.getFirst();
                assertThat(first.get("headline").asString()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
                assertThat(first.get("section").asString()).isEqualTo(SECTION);
                assertThat(first.get("url").asString()).isEqualTo("https://prokash.example/" + SECTION + "/" + most);
                assertThat(first.get("publishedAt").asString()).isEqualTo("2025-07-13T10:42:00+06:00");
                assertThat(first.get("leadImage").get("url").asString()).isEqualTo("https://images.example.com/kim.jpg");
            });
        }
        assertThat(ranked(A, "/api/v1/popular?limit=50")).isEqualTo(ranked(B, "/api/v1/popular?limit=50"));
        List<JsonNode> all = items(A, "/api/v1/popular?limit=50");
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("rank").asInt()).isEqualTo(i + 1);
        }
        HttpResponse<String> section = get(B, "/api/v1/popular?window=1h&section=" + SECTION);
        assertThat(section.headers().firstValue("X-List-Age")).isPresent();
        assertThat(JSON.readTree(section.body()).get("window").asString()).isEqualTo("1h");

        // the User-Agent header stands in for a body without userAgent; the crawler never reached Kafka
        assertThat(TopicViews.of(most)).extracting(ArticleViewed::userAgent).contains("prokash-integration-test")
                .noneMatch(agent -> agent.contains("Googlebot"));
        assertThat(prometheus(A)).containsPattern("prokash_ranking_views_total\\{application=\"ranking-service\",instance_id=\"[^\"]+\",outcome=\"accepted\"}")
                .contains("prokash_ranking_popular_age_seconds")
                .contains("outcome=\"bot\"");
        assertThat(prometheus(A) + prometheus(B)).containsPattern("prokash_ranking_stream_views_total\\{.*outcome=\"duplicate\"\\} [1-9]");
    }

    @Test
    @Order(2)
    void shouldTakeBatchesAsJsonArraysAndNdjsonAndListSectionsAndTrending() throws Exception {
        String rising = id("rising");
        publish(article(rising, "উঠতি খবর", at(11)));
        firstView(A, rising, "reader-0");

        StringBuilder array = new StringBuilder("[");
        for (int i = 1; i <= 6; i++) {
            array.append(i > 1 ? "," : "").append(view(rising, "reader-" + i));
        }
        array.append(",{\"articleId\":\"").append(id("nobody")).append("\",\"visitorId\":\"x\"},{\"visitorId\":\"x\"},7]");
        HttpResponse<String> answer = post(A, "/api/v1/views/batch", array.toString(), "prokash-edge");
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("received").asInt()).isEqualTo(9);
        assertThat(result.get("accepted").asInt()).isEqualTo(6);
        assertThat(result.get("rejected")).extracting(r -> r.get("index").asInt() + ":" + r.get("status").asInt())
                .containsExactly("6:404", "7:400", "8:400");

        StringBuilder ndjson = new StringBuilder();
        for (int i = 7; i <= 12; i++) {
            ndjson.append(view(rising, "reader-" + i)).append('\n');
        }
        HttpResponse<String> lines = HTTP.send(HttpRequest.newBuilder(B.uri("/api/v1/views/batch"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lines.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(lines.body()).get("accepted").asInt()).isEqualTo(6);

        for (Instance instance : List.of(A, B)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(items(instance, "/api/v1/popular?window=1h&section=" + SECTION))
                        .extracting(item -> item.get("id").asString()).first().isEqualTo(rising);
                List<JsonNode> trending = items(instance, "/api/v1/trending?section=" + SECTION);
                assertThat(trending).extracting(item -> item.get("id").asString()).contains(rising);
                JsonNode top = trending.stream().filter(i -> i.get("id").asString().equals(rising)).findFirst().orElseThrow();
                assertThat(top.get("views").asLong()).isEqualTo(13);
                assertThat(top.get("acceleration").asDouble()).isPositive();
            });
        }
    }

    @Test
    @Order(3)
    void shouldAnswer404ForUnknownOrRescheduledArticlesAndWriteNothing() throws Exception {
        String unknown = id("unknown");
        String rescheduled = id("rescheduled");
        Article article = article(rescheduled, "পরে", at(9));
        publish(article);
        firstView(A, rescheduled, "visitor-1");
        await().atMost(PATIENCE).until(() -> popularIds(B).contains(rescheduled));

        HttpResponse<String> unknownAnswer = postView(A, unknown, "visitor-1");
        assertProblem(unknownAnswer, 404);
        assertThat(JSON.readTree(unknownAnswer.body()).get("title").asString()).isEqualTo("Unknown article");

        // moved to tomorrow: no list may show it, so no view of it counts until then
        OffsetDateTime tomorrow = OffsetDateTime.now(DHAKA).plusDays(1);
        send(new ArticleUpdated(rescheduled, 2, Instant.now(), new Article(rescheduled, 2, ArticleStatus.PUBLISHED,
                article.headline(), null, null, article.bodyHtml(), article.bodyText(), article.section(),
                article.tags(), article.byline(), article.edition(), article.language(), tomorrow,
                OffsetDateTime.now(DHAKA), article.leadImage(), null, article.slug(), article.url())));
        await().atMost(PATIENCE).until(() -> !popularIds(A).contains(rescheduled) && !popularIds(B).contains(rescheduled));
        assertProblem(postView(B, rescheduled, "visitor-2"), 404);

        assertThat(TopicViews.of(unknown)).isEmpty();
        assertThat(TopicViews.of(rescheduled)).extracting(ArticleViewed::visitorId).containsExactly("visitor-1");
    }

    @Test
    @Order(4)
    void shouldTakeUnpublishedArticlesOffEveryInstancesList() throws Exception {
        String id = id("unpublished");
        Article article = article(id, "খ", at(7));
        publish(article);
        firstView(B, id, "visitor-1");
        await().atMost(PATIENCE).until(() -> popularIds(A).contains(id) && popularIds(B).contains(id));

        send(new ArticleUnpublished(id, 2, Instant.now(), article.withStatus(ArticleStatus.UNPUBLISHED, 2,
                OffsetDateTime.now(DHAKA))));

        await().atMost(PATIENCE).until(() -> !popularIds(A).contains(id) && !popularIds(B).contains(id));
        assertProblem(postView(A, id, "visitor-2"), 404);
    }

    @Test
    @Order(5)
    void shouldAnswerBadRequestsWithProblems() throws Exception {
        assertProblem(post(A, "/api/v1/views", "{\"articleId\": ", "t"), 400);
        assertProblem(post(A, "/api/v1/views", "[]", "t"), 400);

        HttpResponse<String> missingVisitor = post(A, "/api/v1/views", "{\"articleId\": \"a\"}", "t");
        assertProblem(missingVisitor, 400);
        assertThat(JSON.readTree(missingVisitor.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("visitorId");
        assertProblem(post(A, "/api/v1/views", JSON.writeValueAsString(Map.of("articleId", "a", "visitorId",
                "v".repeat(129))), "t"), 400);

        HttpResponse<String> badTime = post(A, "/api/v1/views",
                "{\"articleId\": \"a\", \"visitorId\": \"v\", \"viewedAt\": \"yesterday\"}", "t");
        assertProblem(badTime, 400);
        assertThat(badTime.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
        for (Instant when : List.of(Instant.now().plus(Duration.ofHours(1)), Instant.now().minus(Duration.ofHours(3)))) {
            HttpResponse<String> insane = post(A, "/api/v1/views",
                    "{\"articleId\": \"a\", \"visitorId\": \"v\", \"viewedAt\": \"" + when + "\"}", "t");
            assertProblem(insane, 400);
            assertThat(JSON.readTree(insane.body()).get("errors").get(0).get("field").asString()).isEqualTo("viewedAt");
        }

        assertProblem(post(A, "/api/v1/views/batch", "{\"articleId\": \"a\"}", "t"), 400);
        assertProblem(post(A, "/api/v1/views/batch", "[]", "t"), 400);
        assertProblem(post(A, "/api/v1/views/batch", "[" + ",{}".repeat(1001).substring(1) + "]", "t"), 400);

        for (String query : List.of("limit=0", "limit=51", "limit=many", "window=2h", "section=%3Cscript%3E")) {
            assertProblem(get(B, "/api/v1/popular?" + query), 400);
        }
        assertProblem(get(B, "/api/v1/trending?limit=500"), 400);
        assertThat(prometheus(A)).contains("outcome=\"rejected\"");
    }

    /**
     * Records that reach the views topic without the intake (another producer, a bug): the unreadable, the keyless
     * and the mis-keyed go to the dead-letter topic with their original key and value bytes, and none of them counts.
     */
    @Test
    @Order(6)
    void shouldDeadLetterUnreadableAndMisKeyedViewsWithTheirOriginalBytes() throws Exception {
        String id = id("mis-keyed");
        publish(article(id, "ভুল চাবি", at(8)));
        byte[] misKeyedView = EventCodec.encode(new ArticleViewed(id, "visitor-1", Instant.now(), null, null));
        Map<String, ProducerRecord<byte[], byte[]>> sent = new LinkedHashMap<>();
        sent.put("unreadable", new ProducerRecord<>(Topics.VIEWS, bytes("garbage-" + RUN), bytes("{\"articleId\": ")));
        sent.put("keyed by another article", new ProducerRecord<>(Topics.VIEWS, bytes("other-" + RUN), misKeyedView));
        sent.put("key not UTF-8", new ProducerRecord<>(Topics.VIEWS, new byte[] { (byte) 0xC3, 0x28, 0x7F }, misKeyedView));
        sent.put("no value", new ProducerRecord<>(Topics.VIEWS, bytes(id), null));
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafka().bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : sent.values()) {
                raw.send(record).get();
            }
        }

        // the topology's transactions commit about once a second: read until all four are there
        List<ConsumerRecord<byte[], byte[]>> dead = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> TopicViews.records(Topics.deadLetter(Topics.VIEWS, "ranking-service")).stream()
                        .filter(record -> sent.values().stream().anyMatch(s -> Arrays.equals(s.key(), record.key())))
                        .toList(), found -> found.size() >= sent.size());

        assertThat(dead).hasSize(sent.size());
        for (var entry : sent.entrySet()) {
            var letter = dead.stream().filter(d -> Arrays.equals(d.key(), entry.getValue().key())).findFirst().orElseThrow();
            assertThat(letter.value()).as(entry.getKey()).isEqualTo(entry.getValue().value());
            assertThat(new String(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
                    StandardCharsets.UTF_8)).as(entry.getKey()).isEqualTo(Topics.VIEWS);
            assertThat(new String(letter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                    StandardCharsets.UTF_8)).as(entry.getKey()).isNotBlank();
        }
        assertThat(prometheus(A) + prometheus(B)).contains("outcome=\"dead-lettered\"");

        // the same view keyed right counts once: the two mis-keyed copies did not count anywhere
        firstView(A, id, "visitor-1");
        await().atMost(PATIENCE).until(() -> popularIds(B).contains(id));
        assertThat(items(B, "/api/v1/popular?limit=50&section=" + SECTION).stream()
                .filter(item -> item.get("id").asString().equals(id))
                .map(item -> item.get("views").asLong())).containsExactly(1L);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(7)
    void shouldAnswerTheSameListAfterAnInstanceRestartsFromTheChangelogs() throws Exception {
        String path = "/api/v1/popular?limit=50";
        // six articles (spread over the partitions, so some are B's after its restart), two readers each
        List<String> read = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String article = id("restored-" + i);
            publish(article(article, "পুনরুদ্ধার " + i, at(9)));
            read.add(article);
        }
        for (String article : read) {
            firstView(A, article, "reader-1");
            assertThat(postView(B, article, "reader-2").statusCode()).isEqualTo(202);
        }
        await().atMost(PATIENCE).until(() -> allHaveViewsOnBoth(path, read, 2));
        await().atMost(PATIENCE).until(() -> ranked(A, path).equals(ranked(B, path)));
        List<String> before = ranked(A, path);
        assertThat(before).isNotEmpty();

        // A answers throughout: the last good list, or a fresh one, never an error
        AtomicBoolean polling = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        Thread poller = Thread.ofPlatform().start(() -> {
            while (polling.get()) {
                try {
                    if (get(A, path).statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    Thread.sleep(50);
                }
                catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            }
        });
        try {
            B.stop();
            FileSystemUtils.deleteRecursively(B.stateDir()); // nothing local: everything from the changelogs
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(ranked(A, path)).isEqualTo(before));
            B.start();
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(ranked(B, path)).isEqualTo(before);
                assertThat(ranked(A, path)).isEqualTo(before);
            });
        }
        finally {
            polling.set(false);
            poller.join();
        }
        assertThat(errors).hasValue(0);

        // the restored dedup store (and the filter in front of it, refilled from it) still knows both readers:
        // their views again do not count, a third reader's does
        for (String article : read) {
            for (String reader : List.of("reader-1", "reader-2", "reader-3")) {
                assertThat(postView(B, article, reader).statusCode()).isEqualTo(202);
            }
        }
        await().atMost(PATIENCE).until(() -> allHaveViewsOnBoth(path, read, 3));
        Thread.sleep(2000); // a repeat counted by mistake would show by now (lists are rebuilt every second)
        assertThat(allHaveViewsOnBoth(path, read, 3)).as("%s after 2 s more: %s", read, ranked(A, path)).isTrue();
    }

    private static boolean allHaveViewsOnBoth(String path, List<String> articles, long views) throws Exception {
        for (String article : articles) {
            if (!hasViews(A, path, article, views) || !hasViews(B, path, article, views)) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Order(8)
    void shouldReplaceAFailedStreamThreadAndStartANewClientWhenTheGlobalThreadFails() throws Exception {
        C.start();
        String article = id("recovered");
        publish(article(article, "মস্কোতে কিম জং উনের সফর", at(9)));
        firstView(C, article, "visitor-1");
        assertThat(postView(C, article, "visitor-2").statusCode()).isEqualTo(202);
        String path = "/api/v1/popular?section=" + SECTION + "&limit=50";
        // C read the whole views topic, the earlier tests' views too: it agrees with A once it has caught up
        await().atMost(PATIENCE).ignoreExceptions().until(() -> hasViews(C, path, article, 2) && ranked(C, path).equals(ranked(A, path)));
        List<String> before = ranked(C, path);

        // a stream thread fails (as when its transaction cannot be aborted while the broker is away): replaced
        ClientFaults.STREAM_THREAD.set(true);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus(C))
                .containsPattern("prokash_ranking_streams_thread_failures_total\\{[^}]*\\} 1\\.0"));
        assertThat(postView(C, article, "visitor-3").statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> hasViews(C, path, article, 3));
        before = ranked(C, path);

        // the global thread fails (what CI saw after a Kafka restart): the client closes to ERROR, a new one starts
        ClientFaults.GLOBAL_THREAD.set(true);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus(C))
                .containsPattern("prokash_ranking_streams_restarts_total\\{[^}]*\\} 1\\.0"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> get(C, "/actuator/health").statusCode() == 200);
        List<String> expected = before;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ranked(C, path)).isEqualTo(expected));
        assertThat(postView(C, article, "visitor-4").statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> hasViews(C, path, article, 4));
        assertThat(prometheus(C)).as("both failures counted")
                .containsPattern("prokash_ranking_streams_thread_failures_total\\{[^}]*\\} 2\\.0");
        assertThat(ClientFaults.STREAM_THREAD).isFalse();
        assertThat(ClientFaults.GLOBAL_THREAD).isFalse();
        // the stream threads' producer waits out a broker restart (application.yml says why), unlike the intake's
        Map<String, Object> streamsProducer = ClientFaults.PRODUCER_CONFIG.get();
        assertThat(List.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG).stream().map(key -> String.valueOf(streamsProducer.get(key))))
                .as("the Streams producer's config %s", streamsProducer).containsExactly("240000", "300000", "30000");
        assertThat(C.context.getEnvironment().getProperty("spring.kafka.producer.properties.max.block.ms"))
                .as("the intake's producer still fails fast").isEqualTo("5000");
    }

    private static boolean hasViews(Instance instance, String path, String article, long views) throws Exception {
        return ranked(instance, path).stream().anyMatch(item -> item.endsWith(" " + article + " " + views));
    }

    /**
     * Added to instance C only (a plain class, so component scanning leaves A and B alone): once armed, the next
     * poll of a stream thread's or of the global thread's consumer throws, as the clients did after a broker restart.
     */
    static final class ClientFaults {

        static final AtomicBoolean STREAM_THREAD = new AtomicBoolean();

        static final AtomicBoolean GLOBAL_THREAD = new AtomicBoolean();

        /** What Kafka Streams gave its last transactional producer. */
        static final AtomicReference<Map<String, Object>> PRODUCER_CONFIG = new AtomicReference<>(Map.of());

        @Bean
        StreamsBuilderFactoryBeanConfigurer failingConsumers() {
            return factoryBean -> factoryBean.setClientSupplier(new DefaultKafkaClientSupplier() {
                @Override
                public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
                    return failing(config, STREAM_THREAD, new KafkaException("injected by the test"));
                }

                @Override
                public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
                    PRODUCER_CONFIG.set(Map.copyOf(config));
                    return super.getProducer(config);
                }

                @Override
                public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
                    return failing(config, GLOBAL_THREAD, new OffsetOutOfRangeException("injected by the test",
                            Map.of(new TopicPartition(Topics.ARTICLES, 0), 0L)));
                }
            });
        }

        private static Consumer<byte[], byte[]> failing(Map<String, Object> config, AtomicBoolean armed,
                RuntimeException failure) {
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()) {
                @Override
                public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
                    if (armed.compareAndSet(true, false)) {
                        throw failure;
                    }
                    return super.poll(timeout);
                }
            };
        }
    }

    /** One ranking-service in this JVM: its own port and state directory, the shared application id. */
    private static final class Instance {

        private final String name;

        private final Class<?>[] sources;

        private final String[] extraArgs;

        private ConfigurableApplicationContext context;

        private int port;

        Instance(String name) {
            this(name, null);
        }

        Instance(String name, Class<?> extraSource, String... extraArgs) {
            this.name = name;
            this.sources = extraSource == null ? new Class<?>[] { RankingApplication.class }
                    : new Class<?>[] { RankingApplication.class, extraSource };
            this.extraArgs = extraArgs;
        }

        void start() throws IOException {
            if (port == 0) {
                port = FreePorts.pick();
            }
            String kafka = Infrastructure.kafka().bootstrapServers();
            List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.cloud.stream.kafka.streams.binder.brokers=" + kafka,
                    "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir()));
            args.addAll(List.of(extraArgs));
            context = new SpringApplicationBuilder(sources).run(args.toArray(String[]::new));
        }

        void stop() {
            if (context != null) {
                context.close();
                context = null;
            }
        }

        Path stateDir() {
            return STATE.resolve(name);
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private static String id(String name) {
        return name + "-" + RUN;
    }

    private static String view(String articleId, String visitorId) {
        return JSON.writeValueAsString(Map.of("articleId", articleId, "visitorId", visitorId));
    }

    private static void firstView(Instance instance, String articleId, String visitorId) {
        // 404 while the article is on its way into the global store, 503 while Kafka Streams starts
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> postView(instance, articleId, visitorId).statusCode() == 202);
    }

    private static HttpResponse<String> postView(Instance instance, String articleId, String visitorId)
            throws IOException, InterruptedException {
        return post(instance, "/api/v1/views", view(articleId, visitorId), "prokash-integration-test");
    }

    private static HttpResponse<String> post(Instance instance, String path, String body, String userAgent)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(instance.uri(path))
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(Instance instance, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(instance.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> items(Instance instance, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(instance, path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(answer.body()).get("items").forEach(items::add);
        return items;
    }

    /** "rank id views" per item: what two instances must agree on. */
    private static List<String> ranked(Instance instance, String path) throws IOException, InterruptedException {
        return items(instance, path).stream()
                .map(item -> item.get("rank").asInt() + " " + item.get("id").asString() + " " + item.get("views").asLong())
                .toList();
    }

    private static List<String> popularIds(Instance instance) throws IOException, InterruptedException {
        return items(instance, "/api/v1/popular?limit=50").stream().map(item -> item.get("id").asString()).toList();
    }

    private static String prometheus(Instance instance) throws IOException, InterruptedException {
        return get(instance, "/actuator/prometheus").body();
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
    }

    private static void publish(Article article) throws ExecutionException, InterruptedException {
        send(new ArticlePublished(article.id(), article.version(), Instant.now(), article));
    }

    private static void send(ArticleEvent event) throws ExecutionException, InterruptedException {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        }
        producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventCodec.encode(event))).get();
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2025, 7, 13, hour, 42, 0, 0, DHAKA);
    }

    private static Article article(String id, String headline, OffsetDateTime publishedAt) {
        return new Article(id, 1, ArticleStatus.PUBLISHED, headline, null, null, "<p>…</p>", "…", SECTION,
                List.of("উত্তর কোরিয়া"), "কালবেলা ডেস্ক", Edition.ONLINE, "bn", publishedAt, publishedAt,
                new LeadImage("https://images.example.com/kim.jpg", "উত্তর কোরিয়ার নেতা কিম জং উন।", "সংগৃহীত"), null,
                id, "https://prokash.example/" + SECTION + "/" + id);
    }
}
