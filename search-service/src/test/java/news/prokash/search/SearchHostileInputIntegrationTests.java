package news.prokash.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hostile or careless caller can send to every endpoint: Elasticsearch syntax and abuse in
 * the text, odd bytes, huge and repeated parameters. Each answer is 200 with sane results or a 400
 * problem, never a 5xx, never Elasticsearch's or Spring's own words, and Elasticsearch stays healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchHostileInputIntegrationTests extends ServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final List<String> LEAKS = List.of("search_phase_execution_exception", "too_many_clauses",
            "too_many_nested_clauses", "org.elasticsearch", "co.elastic", "org.springframework", "tools.jackson",
            "org.apache", "Exception", "java.", "\tat ", "Caused by", "trace");

    /** Only this class's article carries it: no hostile query that lacks the word may find the article. */
    private final String marker = "hq" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");

    private final String id = "hostile-" + UUID.randomUUID();

    @LocalServerPort
    private int port;

    @Autowired
    private ElasticsearchClient elasticsearch;

    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void indexOneArticle() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        var article = TestArticles.article(id, 1, "পদ্মা সেতুতে " + marker + " যানবাহনের চাপ", "২০২৫ সালে ১২৫টি গাড়ি",
                "ঈদের আগে পদ্মা সেতুতে যানবাহনের চাপ বেড়েছে। " + marker + " টোল আদায় ৪৫ হাজার।", "national",
                List.of("পদ্মা সেতু"), TestArticles.JULY_13);
        producer.send(new ProducerRecord<>(Topics.ARTICLES, id,
                EventCodec.encode(new ArticlePublished(id, 1, Instant.now(), article))));
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> ids("q=" + marker).contains(id));
    }

    @AfterAll
    void close() {
        producer.close();
    }

    @Test
    void shouldSearchElasticsearchSyntaxAsWordsAndNeverInterpretIt() throws Exception {
        List<String> hostile = new ArrayList<>(List.of("*", "?", "~", "^", "\"", "\\", "(", ")", "a AND b", "OR", "NOT x",
                "AND OR NOT", "headline:*", "status:unpublished", "_all:*", "_id:" + id, "/.*/", "/[a-z]+/", "*:*",
                "{\"query\":{\"match_all\":{}}}", "{\"script\":{\"source\":\"System.exit(0)\"}}",
                "doc['x'].value * 2", "${jndi:ldap://x/a}", "'; DROP TABLE articles; --", "<script>alert(1)</script>",
                "headline:(a OR b)^5 \"", "x~1000", "x^1e308", "\"a b\"~99999", "[* TO *]", "{!lucene}x", "\\u0000",
                "(".repeat(200) + "x" + ")".repeat(200), "\"".repeat(499), "\\".repeat(499),
                "👨‍👩‍👧‍👦 🇧🇩", "ক্\u200Dষ র\u200Cয", "\u200B\u200C\u200D\uFEFF", "ঢাকা ২০২৪ সালে 99 টি",
                "a ".repeat(249) + "a", "নদী ".repeat(125)));
        for (String q : hostile) {
            JsonNode answer = okOrBadRequest("/api/v1/search?q=" + encode(q));
            if (answer != null) {
                assertThat(ids(answer)).as(q).doesNotContain(id);
            }
        }
        // the same word amid syntax still finds it: syntax is ignored, not fatal (words in it, as in
        // "headline:" or "~2" or "AND", are more words the article must hold)
        for (String q : List.of(marker + "*", marker + "~", "^" + marker, "(" + marker + ")", "[" + marker + "]", "/" + marker + "/",
                "\"" + marker, marker + " " + "(".repeat(50))) {
            assertThat(ids("q=" + encode(q))).as(q).contains(id);
        }
        // Bengali text with Bengali and ASCII digits mixed finds the article by its words and numbers
        for (String q : List.of("পদ্মা ২০২৫ সালে 125 টি", "১২৫টি গাড়ি 45 হাজার")) {
            assertThat(ids("q=" + encode(q))).as(q).contains(id);
        }
        assertElasticsearchHealthy();
    }

    @Test
    void shouldAnswerOversizedAndBrokenTextWith400OrASaneResult() throws Exception {
        for (String query : List.of("q=" + "ক".repeat(10_000), "q=" + encode("a ".repeat(1_000)), "q=" + "x".repeat(501),
                "q=%ED%A0%80", "q=%ED%A0%80" + marker, "q=%C3%28", "q=%FF%FE", "q=%00", "q=" + marker + "%00",
                "q=%0D%0AX-Injected:%201", "q=%E2%80%8B", "q=", "q=%20%20", "q=%22%22", "q=%22%20%22", "")) {
            okOrBadRequest("/api/v1/search?" + query);
        }
        for (String query : List.of("q=" + marker + "%00", "q=" + marker + "%0A%0D")) {
            assertThat(ids(query)).as(query).contains(id);
        }
        assertElasticsearchHealthy();
    }

    @Test
    void shouldRefuseOutOfRangePagingAndIgnoreUnknownParameters() throws Exception {
        for (String query : List.of("limit=-1", "limit=0", "limit=51", "limit=2147483648", "limit=99999999999999999999",
                "limit=1e3", "limit=%00", "sort=random", "sort=_score", "sort=%27%3B",
                "from=-1", "from=99999-01-01", "to=2025-02-30", "cursor=" + "A".repeat(2_001), "cursor=%00",
                "cursor=eyJzb3J0IjoicmVsZXZhbmNlIiwibm93IjoiMjAyNS0wMS0wMVQwMDowMDowMFoiLCJhZnRlciI6WzEsMiwzLDQsNSw2XX0",
                "section=" + "s".repeat(201))) {
            assertProblem(get("/api/v1/search?q=" + marker + "&" + query), 400);
        }
        // not ours: Elasticsearch's paging words mean nothing here, and neither does anything else unknown
        for (String query : List.of("from_=99999999", "size=100000", "page=-1", "page=2147483647", "offset=1e9",
                "filter=status:unpublished", "_source=*", "explain=true", "q=" + marker)) {
            assertThat(ids("q=" + marker + "&" + query)).as(query).containsExactly(id);
        }
        // repeated: the first value counts
        assertThat(ids("q=" + marker + "&limit=1&limit=100000&sort=newest&sort=random")).containsExactly(id);
        assertElasticsearchHealthy();
    }

    @Test
    void shouldAnswerSuggestAndRelatedAndUnknownPathsWithProblemsOrSaneResults() throws Exception {
        for (String q : List.of("*", "?", "\\", "/.*/", "{\"query\":{}}", "(((", "👨‍👩‍👧", "ক্\u200Dষ", "a ".repeat(49) + "a",
                "\u0000", marker.substring(0, 4) + "*")) {
            okOrBadRequest("/api/v1/search/suggest?q=" + encode(q));
        }
        for (String query : List.of("q=" + "x".repeat(101), "q=", "q=x&limit=-1", "q=x&limit=21", "q=x&limit=abc")) {
            assertProblem(get("/api/v1/search/suggest?" + query), 400);
        }
        for (String related : List.of("nope", "*", "_all", "%3Cscript%3E", "%E0%A6%95", "x".repeat(200), "%00", "..", "...")) {
            HttpResponse<String> answer = get("/api/v1/search/related/" + related);
            assertThat(answer.statusCode()).as(related).isIn(400, 404);
            assertProblem(answer, answer.statusCode());
        }
        assertProblem(get("/api/v1/search/related/" + "x".repeat(201)), 400);
        assertProblem(get("/api/v1/search/related/" + id + "?limit=-1"), 400);
        for (String path : List.of("/api/v1/suggest?q=x", "/api/v1/articles/" + id, "/api/v1/articles/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/search/%2e%2e/%2e%2e/actuator/env", "/api/v1/nothing", "/api/v1/search/related/a/b")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertProblem(answer, answer.statusCode());
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/search?q=x"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}")).header("Content-Type",
                        "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(post, 405);
        // Spring MVC's own answer (typed by ProblemDetailsAdvice), not the error path's fallback
        assertThat(JSON.readTree(post.body()).get("detail").asString()).contains("POST");
        assertElasticsearchHealthy();
    }

    /** 200 with a search answer (returned), or a 400 problem (null); anything else fails. */
    private JsonNode okOrBadRequest(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as(path + " → " + answer.body()).isIn(200, 400);
        assertThat(answer.body()).as(path).doesNotContain(LEAKS.subList(0, 5).toArray(String[]::new));
        if (answer.statusCode() == 400) {
            assertProblem(answer, 400);
            return null;
        }
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("items").isArray()).as(path).isTrue();
        return body;
    }

    private void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri() + " → " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.uri().toString()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).as(answer.uri().toString()).startsWith("https://prokash.news/problems/");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(answer.body()).as(answer.uri().toString()).doesNotContain(LEAKS.toArray(String[]::new));
    }

    private void assertElasticsearchHealthy() throws IOException, InterruptedException {
        assertThat(elasticsearch.cluster().health().status()).isIn(HealthStatus.Green, HealthStatus.Yellow);
        assertThat(ids("q=" + marker)).containsExactly(id);
    }

    private List<String> ids(String query) throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/v1/search?" + query);
        assertThat(answer.statusCode()).as(query + " → " + answer.body()).isEqualTo(200);
        return ids(JSON.readTree(answer.body()));
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
