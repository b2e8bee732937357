package news.prokash.ranking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.Edition;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.Infrastructure;
import news.prokash.harness.RawHttp;
import news.prokash.harness.RawHttp.Answer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Floods and hostile input against the whole service on the real broker. Clients are told apart by
 * their loopback address: 127.0.0.1 is the trusted edge here, 127.0.0.2 and up are readers' machines.
 * Limits are small so a flood is short: 20 views at once per address, 5 per visitor, then one every
 * 5 s for each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final String SECTION = "hostile-" + RUN;

    private static final String EDGE = "127.0.0.1";

    private static final List<String> LEAKS = List.of("Exception", "exception", "org.springframework", "tools.jackson",
            "org.apache", "co.elastic", "java.", "\tat ", "trace", "Caused by");

    private ConfigurableApplicationContext context;

    private KafkaProducer<String, byte[]> producer;

    private int port;

    @BeforeAll
    void start() {
        Path state = Path.of("target", "kafka-streams-hostile").toAbsolutePath();
        FileSystemUtils.deleteRecursively(state.toFile());
        String kafka = Infrastructure.kafka().bootstrapServers();
        context = new SpringApplicationBuilder(RankingApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + kafka,
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + state,
                "--prokash.ranking.rate-limit.address-burst=20",
                "--prokash.ranking.rate-limit.address-per-second=0.2",
                "--prokash.ranking.rate-limit.visitor-burst=5",
                "--prokash.ranking.rate-limit.visitor-per-second=0.2",
                "--prokash.ranking.rate-limit.trusted-proxies=" + EDGE + "/32");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void shouldStopAClientRotatingVisitorIdsWhileAnotherClientIsUnaffected() throws Exception {
        String flooded = publishedAndReady("flooded");
        String other = publishedAndReady("other");
        RawHttp flooder = client("127.0.0.2");
        RawHttp reader = client("127.0.0.3");

        long started = System.nanoTime();
        int accepted = 0;
        int readerAccepted = 0;
        for (int i = 0; i < 120; i++) {
            Answer answer = flooder.post("/api/v1/views", "application/json", view(flooded, "bot-" + i));
            if (answer.status() == 202) {
                accepted++;
            }
            else {
                assertProblem(answer, 429, "rate-limited");
                assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 5L);
            }
            if (i % 12 == 0) {
                Answer own = reader.post("/api/v1/views", "application/json", view(other, "reader-" + i));
                assertThat(own.status()).as(own.body()).isEqualTo(202);
                readerAccepted++;
            }
        }
        // the burst, plus one per 5 s of the flood
        assertThat(accepted).isBetween(20, capSince(started));
        assertThat(readerAccepted).isEqualTo(10);
        // 1 view each from readiness, then exactly what was answered 202, nothing of the refused ones
        assertThat(TopicViews.of(flooded)).hasSize(1 + accepted);
        assertThat(TopicViews.of(other)).hasSize(1 + readerAccepted);
        int expected = 1 + accepted;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(views(flooded)).isEqualTo(expected));
        int expectedOther = 1 + readerAccepted;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(views(other)).isEqualTo(expectedOther));
        assertThat(client(EDGE).get("/actuator/prometheus").body())
                .containsPattern("prokash_ranking_views_total\\{[^}]*outcome=\"rate-limited\"[^}]*} [1-9]");
    }

    @Test
    void shouldStopOneVisitorHammeringButNotOthersBehindTheSameAddress() throws Exception {
        String article = publishedAndReady("hammered");
        RawHttp office = client("127.0.0.4");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(office.post("/api/v1/views", "application/json", view(article, "hammer")).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(202);
        assertThat(statuses.subList(5, 12)).containsOnly(429);
        for (int i = 0; i < 10; i++) {
            assertThat(office.post("/api/v1/views", "application/json", view(article, "colleague-" + i)).status())
                    .isEqualTo(202);
        }
        assertThat(TopicViews.of(article)).filteredOn(v -> v.visitorId().equals("hammer")).hasSize(5);
    }

    @Test
    void shouldLimitBatchItemsByVisitorFromTheEdgeAndByAddressFromAnyoneElse() throws Exception {
        String article = publishedAndReady("batched");
        RawHttp edge = client(EDGE);

        // the edge's own address is not limited: 40 readers in one batch (the address burst is 20)
        JsonNode readers = JSON.readTree(edge.post("/api/v1/views/batch", "application/json", batch(article, "reader-", 40)).body());
        assertThat(readers.get("accepted").asInt()).isEqualTo(40);
        // one reader in it 8 times: the visitor's 5, the rest 429 per item
        StringBuilder same = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            same.append(i > 0 ? "," : "").append(new String(view(article, "same-reader"), StandardCharsets.UTF_8));
        }
        JsonNode repeated = JSON.readTree(edge.post("/api/v1/views/batch", "application/json",
                same.append(']').toString().getBytes(StandardCharsets.UTF_8)).body());
        assertThat(repeated.get("accepted").asInt()).isEqualTo(5);
        assertThat(repeated.get("rejected")).extracting(r -> r.get("index").asInt() + ":" + r.get("status").asInt())
                .containsExactly("5:429", "6:429", "7:429");

        // anyone else's batch takes a token of its address per item
        Answer other = client("127.0.0.5").post("/api/v1/views/batch", "application/json", batch(article, "x-", 30));
        assertThat(other.status()).isEqualTo(202);
        JsonNode result = JSON.readTree(other.body());
        assertThat(result.get("accepted").asInt()).isEqualTo(20);
        assertThat(result.get("rejected")).hasSize(10).allSatisfy(r -> {
            assertThat(r.get("status").asInt()).isEqualTo(429);
            assertThat(r.get("title").asString()).isEqualTo("Too many views");
        });
        assertThat(TopicViews.of(article)).hasSize(1 + 40 + 5 + 20);
    }

    @Test
    void shouldBelieveForwardedForOnlyFromTheTrustedEdge() throws Exception {
        String article = publishedAndReady("forwarded");
        // the edge forwarding one reader's views: that reader's address is limited, another's is not
        long started = System.nanoTime();
        assertThat(acceptedOf(client(EDGE), article, "fwd-a-", 30, "X-Forwarded-For: 203.0.113.9"))
                .isBetween(20, capSince(started));
        assertThat(acceptedOf(client(EDGE), article, "fwd-b-", 5, "X-Forwarded-For: 203.0.113.10")).isEqualTo(5);
        // a reader writing X-Forwarded-For itself gains nothing: its own address is limited
        started = System.nanoTime();
        assertThat(acceptedOf(client("127.0.0.6"), article, "spoof-", 30, "X-Forwarded-For: 198.51.100.1",
                "X-Forwarded-For: 10.0.0.1")).isBetween(20, capSince(started));
    }

    @Test
    void shouldRefuseHostileViewBodiesWithProblemsAndWriteNothing() throws Exception {
        String article = publishedAndReady("bodies");
        RawHttp edge = client(EDGE);
        int visitor = 0;

        // oversized: by Content-Length, and chunked (read until the limit)
        assertProblem(edge.post("/api/v1/views", "application/json", padded(article, 20_000)), 413, "body-too-large");
        assertProblem(edge.exchange(chunked("/api/v1/views", padded(article, 40_000))), 413, "body-too-large");
        assertProblem(edge.post("/api/v1/views/batch", "application/json", batch(article, "big-", 80_000)), 413,
                "body-too-large");
        // deeply nested, in a known field and in an unknown one
        assertProblem(edge.post("/api/v1/views", "application/json", utf8("{\"articleId\":" + "[".repeat(5_000))), 400,
                "unreadable-body");
        assertProblem(edge.post("/api/v1/views", "application/json",
                utf8("{\"articleId\":\"" + article + "\",\"visitorId\":\"n\",\"x\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}")),
                400, "unreadable-body");
        assertProblem(edge.post("/api/v1/views/batch", "application/json", utf8("[" + "{\"a\":".repeat(3_000))), 400,
                "invalid-request");
        // invalid UTF-8 (C3 28), NUL and control characters, half a surrogate pair
        assertProblem(edge.post("/api/v1/views", "application/json", RawHttp.concat(
                utf8("{\"articleId\":\"" + article + "\",\"visitorId\":\"v"), new byte[] { (byte) 0xC3, 0x28 }, utf8("\"}"))),
                400, "unreadable-body");
        for (String field : List.of("articleId", "visitorId", "referrer", "userAgent")) {
            for (String junk : List.of("\\u0000", "a\\r\\nX-Injected: 1", "\\u001b[31m", "\\ud800", "\\udc00x")) {
                String json = "{\"articleId\":\"" + (field.equals("articleId") ? junk : article) + "\",\"visitorId\":\""
                        + (field.equals("visitorId") ? junk : "ctl-" + visitor++) + "\""
                        + (field.startsWith("referrer") || field.startsWith("userAgent") ? ",\"" + field + "\":\"" + junk + "\"" : "")
                        + "}";
                Answer answer = edge.post("/api/v1/views", "application/json", utf8(json));
                assertProblem(answer, 400, "invalid-request");
                assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("field").asString()).isEqualTo(field);
            }
        }
        // batches: unreadable items are theirs alone, the rest is written
        byte[] mixed = RawHttp.concat(utf8("[" + new String(view(article, "batch-ok"), StandardCharsets.UTF_8)
                + ",{\"articleId\":\"" + article + "\",\"visitorId\":\"bad"), new byte[] { (byte) 0xFF, (byte) 0xFE },
                utf8("\"},{\"articleId\":\"" + article + "\",\"visitorId\":\"\\u0000\"}]"));
        // one JSON document: invalid bytes anywhere make all of it unreadable
        assertProblem(edge.post("/api/v1/views/batch", "application/json", mixed), 400, "invalid-request");
        byte[] lines = RawHttp.concat(view(article, "পাঠক-১"), utf8("\n"),
                utf8("{\"articleId\":\"" + article + "\",\"visitorId\":\"bad"), new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                utf8("\"}\n{\"articleId\":\"" + article + "\",\"visitorId\":\"" + "v".repeat(1_000_000) + "\"}\n"),
                view(article, "ndjson-ok"));
        Answer ndjson = edge.post("/api/v1/views/batch", "application/x-ndjson", lines);
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(202);
        JsonNode result = JSON.readTree(ndjson.body());
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejected")).extracting(r -> r.get("index").asInt() + ":" + r.get("status").asInt())
                .containsExactly("1:400", "2:400");
        // markup is data: taken as it is, stored as it is, never interpreted
        String script = "https://example.com/?q=<script>alert(1)</script>&x=\"'><img src=x onerror=alert(1)>";
        assertThat(edge.post("/api/v1/views", "application/json", utf8(JSON.writeValueAsString(Map.of("articleId", article,
                "visitorId", "markup", "referrer", script, "userAgent", "<svg onload=alert(1)> Mozilla/5.0")))).status())
                .isEqualTo(202);
        // wrong method, wrong media type, unknown paths
        Answer wrongMethod = edge.get("/api/v1/views");
        assertProblem(wrongMethod, 405, "method-not-allowed");
        // Spring MVC's own answer (typed by ProblemDetailsAdvice), not the error path's fallback
        assertThat(JSON.readTree(wrongMethod.body()).get("detail").asString()).contains("GET");
        assertProblem(edge.post("/api/v1/views/batch", "text/plain", utf8("[]")), 415, "unsupported-media-type");
        assertProblem(edge.get("/api/v1/nothing-here"), 404, "not-found");

        // on the topic: the readiness view, the two good NDJSON lines and the markup view, exactly
        List<ArticleViewed> written = TopicViews.of(article);
        assertThat(written).extracting(ArticleViewed::visitorId)
                .containsExactlyInAnyOrder("ready", "পাঠক-১", "ndjson-ok", "markup");
        ArticleViewed markup = written.stream().filter(v -> v.visitorId().equals("markup")).findFirst().orElseThrow();
        assertThat(markup.referrer()).isEqualTo(script);
        assertThat(markup.userAgent()).isEqualTo("<svg onload=alert(1)> Mozilla/5.0");
        assertThat(client(EDGE).get("/api/v1/popular?window=1h&section=" + SECTION).status()).isEqualTo(200);
    }

    @Test
    void shouldSurviveHeaderInjectionOnTheRawConnection() throws Exception {
        String article = publishedAndReady("headers");
        RawHttp raw = client("127.0.0.7");
        byte[] body = view(article, "header-reader");
        for (String header : List.of("User-Agent: Mozilla\rX-Injected: 1", "User-Agent: Mozilla\nX-Forwarded-For: 10.0.0.1",
                "User-Agent: Mozilla\r\n X-Folded: 1", "User-Agent: Moz\u0000illa", "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: \r\n")) {
            Answer answer = raw.post("/api/v1/views", "application/json", body, header);
            assertThat(answer.status()).as(header).isIn(202, 400);
            assertThat(answer.body()).doesNotContain(LEAKS.toArray(String[]::new));
            if (answer.status() == 400) {
                // refused by Tomcat itself, or (an empty line ends the headers early) the body is cut
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(JSON.readTree(answer.body()).get("type").asString()).isIn(
                        "https://prokash.news/problems/malformed-request", "https://prokash.news/problems/unreadable-body");
            }
            assertThat(answer.headers()).doesNotContainKey("x-injected");
        }
        // whatever was taken is one clean view per answer 202, with no control characters in it
        assertThat(TopicViews.of(article)).extracting(ArticleViewed::userAgent).filteredOn(agent -> agent != null)
                .isNotEmpty().allSatisfy(agent -> assertThat(agent).doesNotContain("\r", "\n", "\u0000"));
        // still alive (readiness may be down for a moment while Kafka Streams rebalances)
        assertThat(raw.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerOddListParametersWith400NamingTheAllowedValues() throws Exception {
        RawHttp reader = client("127.0.0.8");
        for (String window : List.of("-1", "1000000h", "%E0%A7%A8%E0%A7%AAh", "..%2F..%2Fetc%2Fpasswd",
                "1h%27%20OR%20%271%27%3D%271", "%7B%22match_all%22%3A%7B%7D%7D", "24h&window=7d", "%20")) {
            Answer answer = reader.get("/api/v1/popular?window=" + window);
            assertProblem(answer, 400, "invalid-request");
            assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("message").asString())
                    .contains("1h, 6h, 24h, 7d");
        }
        for (String path : List.of("/api/v1/popular", "/api/v1/trending")) {
            for (String limit : List.of("-1", "0", "51", "99999999999999", "1e3", "%00", "%E0%A7%A7%E0%A7%A6%E0%A7%A6")) {
                Answer answer = reader.get(path + "?limit=" + limit);
                assertProblem(answer, 400, "invalid-request");
                assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("field").asString()).isEqualTo("limit");
            }
            for (String section : List.of("..%2F..%2Fetc", "a%27%20OR%201%3D1", "%3Cscript%3E", "x".repeat(65), "politics%00",
                    "%ED%A0%80", "a%0D%0AX-Injected:%201")) {
                Answer answer = reader.get(path + "?section=" + section);
                assertProblem(answer, 400, "invalid-request");
                assertThat(answer.headers()).doesNotContainKey("x-injected");
            }
            // a repeated parameter: the first one counts
            assertThat(JSON.readTree(reader.get(path + "?window=1h&limit=1&limit=50").body()).get("items").size())
                    .isLessThanOrEqualTo(1);
            assertThat(reader.get(path + "?section=%E0%A6%B0%E0%A6%BE%E0%A6%9C%E0%A6%A8%E0%A7%80%E0%A6%A4%E0%A6%BF&limit=50")
                    .status()).isEqualTo(200);
        }
        for (String kind : List.of("..%2F..%2Fx", "popular_1h", "DROP%20TABLE", "%F0%9F%98%80")) {
            Answer answer = reader.get("/internal/v1/partials/" + kind + "?at=" + System.currentTimeMillis());
            assertThat(answer.status()).isIn(400, 404);
            // an encoded slash is refused by Tomcat before any servlet (malformed-request)
            String type = answer.status() == 404 ? "not-found" : kind.contains("%2F") ? "malformed-request" : "invalid-request";
            assertProblem(answer, answer.status(), type);
            if (type.equals("invalid-request")) {
                assertThat(answer.body()).contains("POPULAR_1H, POPULAR_6H, POPULAR_24H, POPULAR_7D, TRENDING");
            }
        }
        for (String at : List.of("", "-1", "abc", "9223372036854775807", "-9223372036854775808", "1e12",
                Long.toString(System.currentTimeMillis() - Duration.ofDays(2).toMillis()))) {
            assertProblem(reader.get("/internal/v1/partials/POPULAR_1H?at=" + at), 400, "invalid-request");
        }
        assertProblem(reader.get("/internal/v1/partials/POPULAR_1H"), 400, "invalid-request");
        assertThat(reader.get("/internal/v1/partials/POPULAR_1H?at=" + System.currentTimeMillis()).status())
                .isIn(200, 503);
    }

    /** Publishes an article and waits until the intake knows it (one view from the edge, visitor "ready"). */
    private String publishedAndReady(String name) throws Exception {
        String id = name + "-" + RUN;
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(6)).minusHours(1);
        Article article = new Article(id, 1, ArticleStatus.PUBLISHED, "শিরোনাম " + name, null, null, "<p>…</p>", "…",
                SECTION, List.of(), "প্রকাশ ডেস্ক", Edition.ONLINE, "bn", at, at, null, null, id,
                "https://prokash.example/" + SECTION + "/" + id);
        producer.send(new ProducerRecord<>(Topics.ARTICLES, id, EventCodec.encode(new ArticlePublished(id, 1, Instant.now(),
                article)))).get();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> client(EDGE).post("/api/v1/views", "application/json", view(id, "ready")).status() == 202);
        return id;
    }

    private int acceptedOf(RawHttp client, String article, String visitorPrefix, int views, String... headers)
            throws IOException {
        int accepted = 0;
        for (int i = 0; i < views; i++) {
            Answer answer = client.post("/api/v1/views", "application/json", view(article, visitorPrefix + i), headers);
            if (answer.status() == 202) {
                accepted++;
            }
            else {
                assertProblem(answer, 429, "rate-limited");
            }
        }
        return accepted;
    }

    /** What an address may have sent since then: the burst and one more per 5 s begun. */
    private static int capSince(long startedNanos) {
        return 20 + 1 + (int) (Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() / 5);
    }

    private long views(String article) throws IOException {
        Answer answer = client(EDGE).get("/api/v1/popular?window=1h&limit=50&section=" + SECTION);
        assertThat(answer.status()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(answer.body()).get("items")) {
            if (item.get("id").asString().equals(article)) {
                return item.get("views").asLong();
            }
        }
        return 0;
    }

    private RawHttp client(String address) {
        return new RawHttp(address, port);
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://prokash.news/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain(LEAKS.toArray(String[]::new));
    }

    private static byte[] view(String article, String visitor) {
        return utf8(JSON.writeValueAsString(Map.of("articleId", article, "visitorId", visitor)));
    }

    private static byte[] batch(String article, String visitorPrefix, int views) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < views; i++) {
            array.append(i > 0 ? "," : "").append(new String(view(article, visitorPrefix + i), StandardCharsets.UTF_8));
        }
        return utf8(array.append(']').toString());
    }

    /** A view made large by a long referrer (over every body limit, whatever the field limits say). */
    private static byte[] padded(String article, int bytes) {
        return utf8(JSON.writeValueAsString(Map.of("articleId", article, "visitorId", "big", "referrer", "r".repeat(bytes))));
    }

    private static byte[] chunked(String path, byte[] body) {
        return RawHttp.concat(utf8("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length)
                + "\r\n"), body, utf8("\r\n0\r\n\r\n"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
