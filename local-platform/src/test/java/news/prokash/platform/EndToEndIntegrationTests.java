package news.prokash.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.trace.v1.Span;
import news.prokash.harness.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four service jars as processes on real Kafka, Elasticsearch and PostgreSQL, driven only
 * through their HTTP APIs: what an editor, the website and a reader would do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIntegrationTests {

    private static Platform platform;

    private static OtlpTraceReceiver collector;

    private static String ingest;
    private static String articles;
    private static String search;
    private static String ranking;

    private static String seedId;
    private static String olderId;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path repoRoot = PlatformSettings.findRepoRoot();
        collector = new OtlpTraceReceiver();
        PlatformSettings settings = PlatformSettings.anyFreePorts(repoRoot,
                repoRoot.resolve("local-platform/target/e2e")).withServiceProperties(Map.of(
                        // every trace, exported to our collector within half a second
                        "management.tracing.sampling.probability", "1.0",
                        "management.opentelemetry.tracing.export.otlp.endpoint", collector.endpoint(),
                        "management.opentelemetry.tracing.export.schedule-delay", "500ms",
                        // the consumers' per-event log lines, to find the trace id in their JSON logs
                        "logging.level.news.prokash.article.article.ArticleEventHandler", "debug",
                        "logging.level.news.prokash.search.indexing.ArticleIndexer", "debug",
                        "logging.level.news.prokash.ranking.popular.ArticleSummaryUpdater", "debug"));
        platform = Platform.start(settings, new Platform.Servers(Infrastructure.kafka(), Infrastructure.elasticsearch(),
                Infrastructure.postgres()), System.out::println);
        ingest = platform.url("ingest-service");
        articles = platform.url("article-service");
        search = platform.url("search-service");
        ranking = platform.url("ranking-service");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    // awaits ignore exceptions as well as failed assertions: until the platform has caught up, an
    // answer may lack the item asked for and a log may end in a half-written line

    @Test
    @Order(1)
    void shouldAcceptTheSeedArticleOnlyOnceKafkaHasIt() {
        olderId = accepted(Http.postJson(ingest + "/api/v1/articles", token(), DemoContent.seedArticleJson()
                .replace("রাশিয়ার পাশে আছেন কিম জং উন", "এক ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ")
                .replace("2025-07-13T10:42:00+06:00", "2025-07-13T09:15:00+06:00")));

        Http.Answer answer = Http.postJson(ingest + "/api/v1/articles", token(), DemoContent.seedArticleJson());

        seedId = accepted(answer);
        assertThat(answer.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void shouldServeTheSeedArticleByIdAndFirstInLatest() throws Exception {
        JsonNode article = DemoContent.awaitStatus(articles + "/api/v1/articles/" + seedId, 200, Duration.ofSeconds(60))
                .json();

        assertThat(article.get("headline").asString()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
        assertThat(article.get("byline").asString()).isEqualTo("কালবেলা ডেস্ক");
        assertThat(article.get("publishedAt").asString()).isEqualTo("2025-07-13T10:42:00+06:00");
        assertThat(article.get("leadImage").get("credit").asString()).isEqualTo("সংগৃহীত");
        assertThat(article.get("bodyText").asString()).contains("খবর তাস নিউজ এজেন্সির");
        DemoContent.awaitStatus(articles + "/api/v1/articles/" + olderId, 200, Duration.ofSeconds(60));

        List<String> latest = ids(Http.get(articles + "/api/v1/articles/latest?limit=20").json());
        assertThat(latest).startsWith(seedId, olderId);
    }

    @Test
    @Order(3)
    void shouldFindTheSeedArticleWithABengaliQuery() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            Http.Answer answer = Http.get(search + "/api/v1/search?q=" + encode("রাশিয়া"));
            assertThat(answer.status()).isEqualTo(200);
            JsonNode first = answer.json().get("items").get(0);
            assertThat(first.get("id").asString()).isEqualTo(seedId);
            assertThat(first.get("snippet").asString() + first.get("headlineHighlighted").asString())
                    .contains("<mark>");
        });
    }

    @Test
    @Order(4)
    void shouldRankTheMostViewedArticleFirstInPopular() {
        for (String visitor : List.of("reader-1", "reader-2", "reader-3")) {
            view(seedId, visitor);
        }
        view(olderId, "reader-1");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            JsonNode items = Http.get(ranking + "/api/v1/popular?limit=20").json().get("items");
            assertThat(items.get(0).get("id").asString()).isEqualTo(seedId);
            assertThat(items.get(0).get("headline").asString()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
            assertThat(items.get(0).get("views").asLong()).isEqualTo(3);
            assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(items.get(1).get("id").asString()).isEqualTo(olderId);
        });
    }

    @Test
    @Order(5)
    void shouldAnswerBadInputWithProblemDetailsAndWriteNothing() throws Exception {
        assertProblem(Http.postJson(ingest + "/api/v1/articles", token(), "{\"headline\": "), 400);
        assertProblem(Http.postJson(ingest + "/api/v1/articles", token(),
                DemoContent.seedArticleJson().replace("\"headline\": \"রাশিয়ার পাশে আছেন কিম জং উন\",", "")), 400);
        assertProblem(Http.postJson(ranking + "/api/v1/views",
                "{\"articleId\":\"no-such-article\",\"visitorId\":\"reader-1\"}"), 404);
        assertProblem(Http.postJson(ranking + "/api/v1/views", "{\"articleId\":"), 400);
        assertProblem(Http.get(articles + "/api/v1/articles/no-such-article"), 404);
        assertProblem(Http.get(articles + "/api/v1/articles/latest?limit=0"), 400);
        assertProblem(Http.get(search + "/api/v1/search"), 400);
        assertProblem(Http.get(ranking + "/api/v1/popular?limit=500"), 400);

        // a good article sent after the bad ones is the only new one anywhere downstream
        String marker = accepted(Http.postJson(ingest + "/api/v1/articles", token(), DemoContent.seedArticleJson()
                .replace("রাশিয়ার পাশে আছেন কিম জং উন", "জবি শিক্ষার্থীদের ২৪ ঘণ্টার আলটিমেটাম")
                .replace("2025-07-13T10:42:00+06:00", "2025-07-13T08:00:00+06:00")));
        DemoContent.awaitStatus(articles + "/api/v1/articles/" + marker, 200, Duration.ofSeconds(60));
        assertThat(ids(Http.get(articles + "/api/v1/articles/latest?limit=50").json()))
                .containsExactly(seedId, olderId, marker);
        JsonNode popular = Http.get(ranking + "/api/v1/popular?limit=50").json().get("items");
        assertThat(popular.get(0).get("views").asLong()).isEqualTo(3);
        assertThat(popular.size()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void shouldLoadTheDemoNewsroomThatTheRunCommandShows() throws Exception {
        DemoContent.Loaded demo = DemoContent.load(ingest, token(), articles, ranking);

        assertThat(demo.listIds()).hasSize(20);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            JsonNode first = Http.get(ranking + "/api/v1/popular?limit=20").json().get("items").get(0);
            assertThat(first.get("id").asString()).isEqualTo(demo.seedId());
            assertThat(first.get("views").asLong()).isEqualTo(30);
        });
    }

    @Test
    @Order(7)
    void shouldCarryTheEditorsTraceThroughKafkaToEveryConsumer() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        String id = accepted(Http.postJson(ingest + "/api/v1/articles", token(), DemoContent.seedArticleJson()
                .replace("রাশিয়ার পাশে আছেন কিম জং উন", "সুন্দরবনে বাঘের সংখ্যা বেড়েছে")
                .replace("2025-07-13T10:42:00+06:00", "2025-07-13T07:30:00+06:00"), Map.of("traceparent", traceparent)));

        // spans, as a collector gets them: the request, the send, and each consumer's handling
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            List<OtlpTraceReceiver.ReceivedSpan> spans = collector.spansOf(traceId);
            assertThat(spans).extracting(OtlpTraceReceiver.ReceivedSpan::service)
                    .contains("ingest-service", "article-service", "search-service", "ranking-service");
            assertThat(spans).filteredOn(span -> span.service().equals("ingest-service"))
                    .extracting(OtlpTraceReceiver.ReceivedSpan::kind)
                    .contains(Span.SpanKind.SPAN_KIND_SERVER, Span.SpanKind.SPAN_KIND_PRODUCER);
            assertThat(spans).filteredOn(span -> !span.service().equals("ingest-service"))
                    .extracting(OtlpTraceReceiver.ReceivedSpan::kind).contains(Span.SpanKind.SPAN_KIND_CONSUMER);
        });

        // and the consumers' structured logs: the line about this article carries the same trace id
        for (String consumer : List.of("article-service", "search-service", "ranking-service")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() ->
                    assertThat(jsonLogLines(consumer))
                            .filteredOn(line -> line.path("message").asString("").contains(id))
                            .as(consumer + " logged its handling of " + id + " with the request's trace id")
                            .anySatisfy(line -> assertThat(line.path("trace").path("id").asString("")
                                    + line.path("traceId").asString("")).isEqualTo(traceId)));
        }
    }

    @Test
    @Order(8)
    void shouldServeMetricsPrometheus242CanScrape() {
        for (String service : List.of(ingest, articles, search, ranking)) {
            Http.Answer scrape = Http.get(service + "/actuator/prometheus",
                    Map.of("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"));
            assertThat(scrape.status()).isEqualTo(200);
            // with tracing on, exemplars would land on histogram _count lines, which older Prometheus
            // servers (Debian's 2.42) refuse, failing the whole scrape
            assertThat(scrape.body()).as(service).contains("http_server_requests_seconds_bucket")
                    .doesNotContain(" # {");
        }
    }

    @Test
    @Order(9)
    void shouldAnswerEveryEndpointOfEveryServiceForEveryKindOfCallerAsDesigned() throws Exception {
        EditorTokens strangers = EditorTokens.create(PlatformSettings.findRepoRoot()
                .resolve("local-platform/target/e2e/strangers"));
        Map<AuthorizationMatrix.Caller, String> tokens = new java.util.EnumMap<>(AuthorizationMatrix.Caller.class);
        tokens.put(AuthorizationMatrix.Caller.EXPIRED,
                platform.tokens().mint("local-admin", List.of("editor", "admin"), Duration.ofMinutes(-10)));
        tokens.put(AuthorizationMatrix.Caller.FORGED, strangers.admin()); // well-formed, signed by another key
        tokens.put(AuthorizationMatrix.Caller.EDITOR, platform.tokens().editor());
        tokens.put(AuthorizationMatrix.Caller.ADMIN, platform.tokens().admin());
        List<AuthorizationMatrix.Endpoint> endpoints = AuthorizationMatrix.endpoints(Map.of("ingest-service", ingest,
                "article-service", articles, "search-service", search, "ranking-service", ranking));

        List<String> wrong = new ArrayList<>();
        for (AuthorizationMatrix.Endpoint endpoint : endpoints) {
            for (AuthorizationMatrix.Caller caller : AuthorizationMatrix.Caller.values()) {
                AuthorizationMatrix.Cell cell = AuthorizationMatrix.call(endpoint, caller, tokens);
                if (cell.expectation() != null) {
                    wrong.add(endpoint.service() + " " + endpoint.method() + " " + endpoint.path() + " as " + caller
                            + ": " + cell.status() + ", expected " + cell.expectation());
                }
            }
        }

        assertThat(endpoints).filteredOn(AuthorizationMatrix.Endpoint::ingestApi).extracting(
                AuthorizationMatrix.Endpoint::method).as("the editors' API, from its OpenAPI description")
                .contains("POST", "PUT", "DELETE");
        assertThat(endpoints).hasSizeGreaterThan(25);
        assertThat(wrong).as(endpoints.size() + " endpoints × 5 callers").isEmpty();
    }

    private static List<JsonNode> jsonLogLines(String service) throws java.io.IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(platform.jsonLog(service))) {
            if (line.startsWith("{")) {
                lines.add(Http.JSON.readTree(line));
            }
        }
        return lines;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String token() {
        return platform.tokens().editor();
    }

    private static String accepted(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("id").asString();
    }

    private static void view(String articleId, String visitor) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> Http.postJson(
                ranking + "/api/v1/views", "{\"articleId\":\"" + articleId + "\",\"visitorId\":\"" + visitor + "\"}")
                .status() == 202);
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static String encode(String q) {
        return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }
}
