package news.prokash.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import news.prokash.contracts.Article;
import news.prokash.contracts.EventCodec;
import news.prokash.harness.ProblemAssertions;
import news.prokash.harness.RawHttp;
import news.prokash.harness.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to the editors' API over real sockets: oversized and deeply nested bodies, invalid
 * UTF-8, control characters, markup in every text field, bytes that could split a header, odd slugs and
 * ids, forged versions. Each refusal is a problem document with a stable type that names no internals,
 * nothing is stored or published, no Idempotency-Key is used up, and the service still takes good work.
 */
class HostileInputIntegrationTests extends IngestIntegrationSupport {

    private static final String PROBLEMS = "https://prokash.example/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a problem body must never show: exception names, stack frames, SQL, library packages. */
    private static final Pattern LEAK = Pattern.compile("(?i)exception|org\\.springframework|tools\\.jackson|"
            + "com\\.fasterxml|psql|sqlstate|select |insert |\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|tomcat|jsoup|kafka");
    private static final String LINE = SEED.replace("\n", "");

    @LocalServerPort
    int port;

    // ---------------------------------------------------------------- oversized and deeply nested

    static Stream<Arguments> oversizedOrDeepBodies() {
        return Stream.of(
                Arguments.of("headline of 900 KB", with("headline", "ক".repeat(300_000)), "headline"),
                Arguments.of("image URL of 900 KB", LINE.replace("https://images.example.com/kim.jpg",
                        "https://images.example.com/" + "x".repeat(900_000)), "leadImage.url"),
                Arguments.of("slug a-a-a… of 600 KB", with("slug", "a-".repeat(300_000) + "a"), "slug"),
                Arguments.of("100,000 tags", LINE.replace("\"tags\": [", "\"tags\": [" + "\"t\",".repeat(100_000)), "tags"),
                Arguments.of("60,000 unknown fields", "{" + fields(60_000) + LINE.substring(1), null),
                Arguments.of("100,000 [", "[".repeat(100_000), "$"),
                Arguments.of("100,000 {\"a\":", "{\"a\":".repeat(100_000), null),
                Arguments.of("tags nested 100,000 deep", LINE.replace("\"tags\": [", "\"tags\": " + "[".repeat(100_000)), null),
                Arguments.of("body of 100,000 nested <div>", with("bodyHtml", "<div>".repeat(100_000) + "x"), "bodyHtml"),
                Arguments.of("body of 60,000 nested <b>", with("bodyHtml", "<b>".repeat(60_000) + "x"), "bodyHtml"),
                Arguments.of("body of 30,000 nested <b><i>", with("bodyHtml", "<b><i>".repeat(30_000) + "x"), "bodyHtml"),
                Arguments.of("body 65 levels deep", with("bodyHtml", "<blockquote>".repeat(65) + "x"), "bodyHtml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedOrDeepBodies")
    void shouldRefuseOversizedOrDeepBodiesQuicklyAndWriteNothing(String name, String body, String field) {
        Written before = written();
        long start = System.nanoTime();

        Answer answer = post("/api/v1/articles", body.getBytes(StandardCharsets.UTF_8), List.of());

        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode problem = assertProblem(answer, 400, "invalid-article");
        if (field != null) {
            assertThat(fields(problem)).contains(field);
        }
        assertThat(millis).as("answered in %d ms", millis).isLessThan(5_000);
        assertNothingWrittenSince(before);
    }

    @Test
    void shouldAnswerBulkLinesThatAreTooLargeNotUtf8OrDeepOneByOne() {
        Written before = written();
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        ndjson.writeBytes((LINE + "\n").getBytes(StandardCharsets.UTF_8));                                   // 1 good
        ndjson.writeBytes((with("headline", "ক".repeat(400_000)) + "\n").getBytes(StandardCharsets.UTF_8)); // 2: 1.2 MB
        ndjson.writeBytes(("[".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));                    // 3
        ndjson.writeBytes(withBytes("headline", new byte[] { 'a', (byte) 0xFF, 'b' }));                      // 4
        ndjson.writeBytes(withBytes("headline", new byte[] { (byte) 0xC0, (byte) 0xAF }));                   // 5 overlong '/'
        ndjson.writeBytes((with("byline", "a\u0000b") + "\n").getBytes(StandardCharsets.UTF_8));             // 6 NUL
        ndjson.writeBytes((LINE + "\r\n").getBytes(StandardCharsets.UTF_8));                                 // 7 good

        Answer answer = bulk(ndjson.toByteArray());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").asInt()).isEqualTo(5);
        JsonNode lines = result.get("results");
        assertThat(lines.get(1).get("problem").get("status").asInt()).isEqualTo(413);
        assertThat(lines.get(1).get("problem").get("type").asString()).isEqualTo(PROBLEMS + "body-too-large");
        assertThat(fields(lines.get(2).get("problem"))).containsExactly("$");
        assertThat(lines.get(3).get("problem").toString()).contains("is not valid UTF-8");
        assertThat(lines.get(4).get("problem").toString()).contains("is not valid UTF-8");
        assertThat(fields(lines.get(5).get("problem"))).containsExactly("byline");
        assertThat(LEAK.matcher(answer.body()).find()).as(answer.body()).isFalse();
        assertThat(readToTheEnd()).hasSize(2);
        assertThat(written().articles()).isEqualTo(before.articles() + 2);
    }

    @Test
    void shouldStopABulkRequestAfterTheMostLinesAndSkipBlankLinesFree() {
        Written before = written();
        String ndjson = "\n".repeat(1_000_000) + "{}\n".repeat(10_050);

        Answer answer = bulk(ndjson.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("accepted").asInt()).isZero();
        assertThat(result.get("rejected").asInt()).isEqualTo(10_001);
        JsonNode last = result.get("results").get(10_000);
        assertThat(last.get("line").asInt()).isEqualTo(1_000_000 + 10_001);
        assertThat(last.get("problem").get("type").asString()).isEqualTo(PROBLEMS + "too-many-lines");
        assertNothingWrittenSince(before);
    }

    @Test
    void shouldRefuseALongTargetAndHugeOrManyHeadersEarly() {
        for (Answer answer : List.of(
                RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles/" + "a".repeat(20_000) + "/unpublish",
                        List.of("Authorization: Bearer " + editor()), 0), new byte[0]),
                RawHttp.send(port, RawHttp.head("GET", "/api/v1/articles?q=" + "a".repeat(20_000), List.of(), 0), new byte[0]),
                RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles",
                        List.of("Authorization: Bearer " + editor(), "X-Padding: " + "a".repeat(20_000)), 0), new byte[0]),
                RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles", Stream.concat(
                        Stream.of("Authorization: Bearer " + editor()),
                        Stream.iterate(0, i -> i + 1).limit(300).map(i -> "X-H" + i + ": v")).toList(), 0), new byte[0]))) {
            assertThat(answer.status()).isIn(400, 414, 431);
            assertProblem(answer, answer.status(), null);
        }
        assertServesAGoodRequest();
    }

    // ---------------------------------------------------------------- encoding and control characters

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "FF", "80", "C0AF", "C1BF", "E080AF", "EDA080", "F4908080", "F8888080", "E0A6" })
    void shouldRefuseABodyThatIsNotUtf8AndNotUseUpTheKey(String hex) {
        Written before = written();
        String key = UUID.randomUUID().toString();
        byte[] body = withBytes("headline", HexFormat.of().parseHex(hex));

        JsonNode problem = assertProblem(post("/api/v1/articles", body, List.of("Idempotency-Key: " + key)),
                400, "invalid-article");

        assertThat(problem.get("errors").toString()).contains("is not valid UTF-8");
        assertNothingWrittenSince(before);
        assertThat(post("/api/v1/articles", LINE.getBytes(StandardCharsets.UTF_8), List.of("Idempotency-Key: " + key))
                .status()).as("the key is not used up").isEqualTo(202);
    }

    static Stream<Arguments> controlCharacters() {
        List<Arguments> cases = new ArrayList<>();
        List<String> fields = List.of("headline", "kicker", "summary", "bodyHtml", "tags[0]", "byline", "source",
                "leadImage.url", "leadImage.caption", "leadImage.credit");
        List<String> characters = List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\ud800", "\udfff", "\uffff");
        for (int i = 0; i < fields.size(); i++) {
            for (int j = 0; j < characters.size(); j++) {
                // every field with every character would be 80 requests: each field meets each character class
                if ((i + j) % 2 == 0 || j == 0) {
                    cases.add(Arguments.of(fields.get(i), "U+%04X".formatted((int) characters.get(j).charAt(0)),
                            characters.get(j)));
                }
            }
        }
        cases.add(Arguments.of("headline", "line feed", "\n"));
        cases.add(Arguments.of("byline", "tab", "\t"));
        cases.add(Arguments.of("tags[0]", "carriage return", "\r"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("controlCharacters")
    void shouldRefuseControlCharactersFieldByFieldAndPublishNothing(String field, String name, String character) {
        Written before = written();
        String key = UUID.randomUUID().toString();
        String body = withText(field, field.equals("leadImage.url") ? "https://x.example/a" + character + "b"
                : "কিম" + character + "জং");

        JsonNode problem = assertProblem(post("/api/v1/articles", body.getBytes(StandardCharsets.UTF_8),
                List.of("Idempotency-Key: " + key)), 400, "invalid-article");

        assertThat(fields(problem)).contains(field);
        assertNothingWrittenSince(before);
    }

    @Test
    void shouldKeepLineBreaksAndTabsWhereTextMayHaveThem() {
        String body = withText(LINE.replace("\"bodyHtml\": \"<p>", "\"bodyHtml\": \"<p>\\n\\t"),
                "summary", "এক\nদুই\r\nতিন\tচার");

        assertThat(post("/api/v1/articles", body.getBytes(StandardCharsets.UTF_8), List.of()).status()).isEqualTo(202);

        assertThat(onlyArticleOnTheLog().summary()).isEqualTo("এক\nদুই\r\nতিন\tচার");
    }

    // ---------------------------------------------------------------- markup in every text field

    @Test
    void shouldKeepMarkupInTextFieldsAsTextAndSanitizeTheBody() {
        Map<String, String> hostile = Map.of(
                "headline", "<script>alert(1)</script> কিম",
                "kicker", "<img src=x onerror=alert(1)>",
                "summary", "\"><svg onload=alert(1)>&amp;</summary>",
                "tags[0]", "</script><script>alert(1)</script>",
                "byline", "<b>ডেস্ক</b> ]]><x>",
                "source", "<![CDATA[ x ]]>",
                "leadImage.caption", "<iframe src=javascript:alert(1)>",
                "leadImage.credit", "{{7*7}} ${7*7} <%= 7*7 %>");
        String body = LINE.replace("\"bodyHtml\": \"<p>", "\"bodyHtml\": \"<p><a href=\\\"https://x.example\\\" style=\\\"x\\\">a</a><span class=x>b</span>");
        for (var field : hostile.entrySet()) {
            body = withText(body, field.getKey(), field.getValue());
        }

        assertThat(post("/api/v1/articles", body.getBytes(StandardCharsets.UTF_8), List.of()).status()).isEqualTo(202);

        Article article = onlyArticleOnTheLog();
        assertThat(article.headline()).isEqualTo(hostile.get("headline"));
        assertThat(article.kicker()).isEqualTo(hostile.get("kicker"));
        assertThat(article.summary()).isEqualTo(hostile.get("summary"));
        assertThat(article.tags().getFirst()).isEqualTo(hostile.get("tags[0]"));
        assertThat(article.byline()).isEqualTo(hostile.get("byline"));
        assertThat(article.source()).isEqualTo(hostile.get("source"));
        assertThat(article.leadImage().caption()).isEqualTo(hostile.get("leadImage.caption"));
        assertThat(article.leadImage().credit()).isEqualTo(hostile.get("leadImage.credit"));
        assertThat(article.bodyHtml()).doesNotContain("style", "<span").contains("<a href=\"https://x.example\">a</a>");
        assertThat(article.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    // ---------------------------------------------------------------- headers

    static Stream<Arguments> injectedHeaders() {
        return Stream.of(
                Arguments.of("Idempotency-Key with CR", "Idempotency-Key: abc\rX-Injected: 1", Integer.valueOf(400)),
                Arguments.of("Idempotency-Key with NUL", "Idempotency-Key: abc\u0000def", 400),
                Arguments.of("Idempotency-Key with Latin-1", "Idempotency-Key: caf\u00e9", 400),
                Arguments.of("Idempotency-Key with UTF-8", "Idempotency-Key: \u00e0\u00a6\u0095", 400),
                Arguments.of("Idempotency-Key with a space", "Idempotency-Key: a b", 400),
                Arguments.of("Idempotency-Key of 201 characters", "Idempotency-Key: " + "k".repeat(201), 400),
                Arguments.of("Content-Type with a control byte", "Content-Type: application/json\u0001", 400),
                Arguments.of("Content-Type with a bad charset", "Content-Type: application/json; charset=\"x\u0001", 400),
                Arguments.of("Content-Type with CR", "Content-Type: application/json\rX-Injected: 1", 400),
                Arguments.of("Authorization with LF in the token", "Authorization: Bearer abc\nX-Injected: 1", 401),
                Arguments.of("Authorization with a control byte", "Authorization: Bearer \u0001\u0002", 400),
                Arguments.of("X-Request-Id with CR", "X-Request-Id: x\rX-Injected: 1", 400),
                Arguments.of("X-Request-Id with CRLF and a fake status", "X-Request-Id: x\r\n\r\nHTTP/1.1 200 OK", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectedHeaders")
    void shouldNeverLetARequestHeaderSplitOrForgeAResponseHeader(String name, String header, int status) {
        Written before = written();
        List<String> headers = new ArrayList<>();
        if (!header.startsWith("Authorization")) {
            headers.add("Authorization: Bearer " + editor());
        }
        if (!header.startsWith("Content-Type")) {
            headers.add("Content-Type: application/json");
        }
        headers.add(header);
        byte[] body = LINE.getBytes(StandardCharsets.UTF_8);

        Answer answer = RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles", headers, body.length), body);

        assertThat(answer.headerLines()).noneMatch(l -> l.toLowerCase().startsWith("x-injected"));
        assertThat(answer.headerLines()).allMatch(l -> l.matches("[A-Za-z0-9-]+: [\\x20-\\x7E]*"));
        assertProblem(answer, status, null);
        assertNothingWrittenSince(before);
    }

    // ---------------------------------------------------------------- slugs, ids and versions

    @ParameterizedTest(name = "slug {0}")
    @ValueSource(strings = { "../../etc/passwd", "a/b", "%2e%2e%2f", "..;", "..%2F..%2Fetc", "a%5cb", "a\\\\b",
            "ｋｉｍ", "kim\u2010jong", "k\u0456m", "KIM", "kim--jong", "-kim", "kim-", "kim jong", "kim_jong", ".", "..",
            "kim.html", "kim?x=1", "kim#x", "81 characters" })
    void shouldRefuseOddSlugsAtIngest(String slug) {
        Written before = written();
        String value = slug.equals("81 characters") ? "a".repeat(81) : slug;

        JsonNode problem = assertProblem(post("/api/v1/articles", with("slug", value).getBytes(StandardCharsets.UTF_8),
                List.of()), 400, "invalid-article");

        assertThat(fields(problem)).containsExactly("slug");
        assertNothingWrittenSince(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/v1/articles/..%2F..%2Fetc/unpublish", "/api/v1/articles/%2e%2e/unpublish",
            "/api/v1/articles/..;/unpublish", "/api/v1/articles/a%5Cb/unpublish", "/api/v1/articles/a\\b/unpublish",
            "/api/v1/articles/%00/unpublish", "/api/v1/articles/%0d%0aX-Injected:%201/unpublish",
            "/api/v1/articles/%C0%AF/unpublish", "/api/v1/articles/%FF/unpublish", "/api/v1/articles/;jsessionid=x/unpublish",
            "/api/v1/articles/../../actuator/env" })
    void shouldAnswerOddIdsInThePathWithAProblem(String target) {
        Written before = written();

        Answer answer = RawHttp.send(port, RawHttp.head("POST", target,
                List.of("Authorization: Bearer " + admin()), 0), new byte[0]);

        assertThat(answer.status()).isBetween(400, 499);
        assertProblem(answer, answer.status(), null);
        assertThat(answer.headerLines()).noneMatch(l -> l.toLowerCase().startsWith("x-injected"));
        assertNothingWrittenSince(before);
    }

    @ParameterizedTest(name = "If-Match {0}")
    @ValueSource(strings = { "garbage", "\"-1\"", "-1", "\"0\"", "99999999999999999999", "\"1\", \"2\"", "*", "\"1.5\"",
            "\"0x1\"", "\"\u0661\"", "\"1\" x", "W/\"\"" })
    void shouldRefuseForgedVersionsAndChangeNothing(String ifMatch) {
        Accepted created = create();
        Written before = written();
        String key = UUID.randomUUID().toString();
        byte[] body = LINE.getBytes(StandardCharsets.UTF_8);

        Answer answer = RawHttp.send(port, RawHttp.head("PUT", "/api/v1/articles/" + created.id(), List.of(
                "Authorization: Bearer " + editor(), "Content-Type: application/json", "If-Match: " + ifMatch,
                "Idempotency-Key: " + key), body.length), body);
        Answer unpublish = RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles/" + created.id() + "/unpublish",
                List.of("Authorization: Bearer " + editor(), "If-Match: " + ifMatch), 0), new byte[0]);

        assertProblem(answer, 400, "invalid-version");
        assertProblem(unpublish, 400, "invalid-version");
        assertNothingWrittenSince(before);
        assertThat(jdbc.sql("select version from article where id = ?").param(created.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldAnswerAVersionFromTheFarFutureAsStale() {
        Accepted created = create();
        Written before = written();
        byte[] body = LINE.getBytes(StandardCharsets.UTF_8);

        Answer answer = RawHttp.send(port, RawHttp.head("PUT", "/api/v1/articles/" + created.id(), List.of(
                "Authorization: Bearer " + editor(), "Content-Type: application/json",
                "If-Match: \"999999999999999999\""), body.length), body);

        assertThat(assertProblem(answer, 412, "stale-version").get("currentVersion").asLong()).isEqualTo(1);
        assertNothingWrittenSince(before);
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "POST, /api/v1/articles, text/plain, 415, unsupported-media-type",
            "POST, /api/v1/articles, application/json;charset=x-unknown, 415, unsupported-media-type",
            "PATCH, /api/v1/articles/x, application/json, 405, method-not-allowed",
            "POST, /api/v1/articles/x/y/z, application/json, 404, not-found" })
    void shouldGiveSpringsOwnRefusalsATypeOfOurs(String method, String target, String contentType, int status, String type) {
        Written before = written();
        byte[] body = LINE.getBytes(StandardCharsets.UTF_8);

        assertProblem(RawHttp.send(port, RawHttp.head(method, target, List.of("Authorization: Bearer " + admin(),
                "Content-Type: " + contentType), body.length), body), status, type);

        assertNothingWrittenSince(before);
    }

    // ---------------------------------------------------------------- helpers

    private record Written(long articles, long keys) {
    }

    private Written written() {
        return new Written(jdbc.sql("select count(*) from article").query(Long.class).single(),
                jdbc.sql("select count(*) from idempotency_key").query(Long.class).single());
    }

    /** Nothing in the store or on the log since {@code before}, and a good request still goes through. */
    private void assertNothingWrittenSince(Written before) {
        assertThat(written()).isEqualTo(before);
        assertThat(readToTheEnd()).isEmpty();
        assertServesAGoodRequest();
    }

    private void assertServesAGoodRequest() {
        assertThat(post("/api/v1/articles", LINE.getBytes(StandardCharsets.UTF_8), List.of()).status()).isEqualTo(202);
    }

    private Accepted create() {
        Answer answer = post("/api/v1/articles", LINE.getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(answer.status()).isEqualTo(202);
        readToTheEnd();
        return JSON.readValue(answer.body(), Accepted.class);
    }

    private Article onlyArticleOnTheLog() {
        var records = readToTheEnd();
        assertThat(records).hasSize(1);
        return EventCodec.decodeArticleEvent(records.getFirst().value()).article();
    }

    private Answer post(String path, byte[] body, List<String> headers) {
        List<String> all = new ArrayList<>(List.of("Authorization: Bearer " + editor(), "Content-Type: application/json"));
        all.addAll(headers);
        return RawHttp.send(port, RawHttp.head("POST", path, all, body.length), body);
    }

    private Answer bulk(byte[] body) {
        return RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles/bulk", List.of(
                "Authorization: Bearer " + editor(), "Content-Type: application/x-ndjson"), body.length), body);
    }

    /** Status, problem+json, the type (if given), and no internals in the body; the parsed problem. */
    private static JsonNode assertProblem(Answer answer, int status, String type) {
        return ProblemAssertions.assertProblem(answer, status, PROBLEMS, type, LEAK);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** The seed line with one top-level string field set (JSON-escaped). */
    private static String with(String field, String value) {
        return withText(LINE, field, value);
    }

    private static String withText(String field, String value) {
        return withText(LINE, field, value);
    }

    /** Sets a field, a {@code tags[0]} or a {@code leadImage.x}, by adding or replacing it in the seed line. */
    private static String withText(String json, String field, String value) {
        var tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
        if (field.equals("tags[0]")) {
            ((tools.jackson.databind.node.ArrayNode) tree.get("tags")).set(0, value);
        }
        else if (field.startsWith("leadImage.")) {
            ((tools.jackson.databind.node.ObjectNode) tree.get("leadImage")).put(field.substring(10), value);
        }
        else {
            tree.put(field, value);
        }
        return toJson(tree);
    }

    private static String toJson(JsonNode tree) {
        // a lone surrogate has no UTF-8 form: send it as a JSON escape, as a hostile client may
        StringBuilder out = new StringBuilder();
        for (char c : JSON.writeValueAsString(tree).toCharArray()) {
            out.append(Character.isSurrogate(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** The seed line with raw bytes inside a field's string value, then a line feed. */
    private static byte[] withBytes(String field, byte[] bytes) {
        String marker = "MARKER-" + UUID.randomUUID();
        String[] parts = with(field, marker).split(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String fields(int n) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < n; i++) {
            fields.append("\"f").append(i).append("\":1,");
        }
        return fields.toString();
    }
}
