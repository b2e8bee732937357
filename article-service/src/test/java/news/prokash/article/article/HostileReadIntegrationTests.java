package news.prokash.article.article;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.LeadImage;
import news.prokash.harness.ProblemAssertions;
import news.prokash.harness.RawHttp;
import news.prokash.harness.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile content and hostile requests on the read side, over real sockets: markup and control characters
 * in every text field stay inert text in the JSON, the ld+json, RSS and the news sitemap (the XML is parsed,
 * so it must stay well-formed); odd ids, slugs, parameters and headers get a problem with a stable type,
 * never a 500, never another article, never a forged response header.
 */
class HostileReadIntegrationTests extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEAK = Pattern.compile("(?i)exception|org\\.springframework|tools\\.jackson|"
            + "com\\.fasterxml|psql|sqlstate|select |\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|tomcat|kafka");
    private static final String PROBLEMS = "https://prokash.example/problems/";
    private static final String MARKUP = "</script><script>alert(1)</script><img src=x onerror=alert(1)>&amp;]]>";
    /** Characters XML 1.0 cannot hold but PostgreSQL can: only a foreign or old event could carry them. */
    private static final String CONTROLS = "\u0001\u001b\u007f\uFFFE";

    @Test
    void shouldServeMarkupAndControlCharactersInEveryTextFieldAsInertText() throws Exception {
        Article article = hostile(TestArticles.newId());
        publish(TestArticles.published(article));
        eventually().until(() -> http.get().uri("/api/v1/articles/{id}", article.id()).exchange()
                .returnResult(String.class).getStatus().value() == 200);

        JsonNode view = JSON.readTree(get("/api/v1/articles/" + article.id()).body());
        assertThat(view.get("headline").asString()).isEqualTo(article.headline());
        assertThat(view.get("byline").asString()).isEqualTo(article.byline());
        assertThat(view.get("tags").get(0).asString()).isEqualTo(article.tags().getFirst());
        assertThat(view.get("leadImage").get("caption").asString()).isEqualTo(article.leadImage().caption());

        Answer ld = get("/api/v1/articles/" + article.id() + "/jsonld");
        assertThat(ld.status()).isEqualTo(200);
        assertThat(ld.body()).as("pasted into <script>, nothing may close it").doesNotContain("<", ">", "&");
        JsonNode jsonLd = JSON.readTree(ld.body());
        assertThat(jsonLd.get("headline").asString()).isEqualTo(article.headline());
        assertThat(jsonLd.get("author").get(0).get("name").asString()).isEqualTo(article.byline());
        assertThat(jsonLd.get("keywords").get(0).asString()).isEqualTo(article.tags().getFirst());

        for (String feed : List.of("/feeds/rss.xml", "/feeds/international/rss.xml")) {
            Document rss = xml(get(feed));
            Element item = item(rss, article.url());
            assertThat(text(item, "title")).isEqualTo(withoutControls(article.headline()));
            assertThat(text(item, "description")).isEqualTo(withoutControls(article.summary()));
            assertThat(item.getElementsByTagNameNS(ArticleFeedController.DC_NS, "creator").item(0).getTextContent())
                    .isEqualTo(withoutControls(article.byline()));
            assertThat(rss.getElementsByTagName("script").getLength()).isZero();
            assertThat(rss.getElementsByTagName("img").getLength()).isZero();
        }
        Document sitemap = xml(get("/sitemaps/news.xml"));
        NodeList titles = sitemap.getElementsByTagNameNS(ArticleFeedController.NEWS_NS, "title");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            texts.add(titles.item(i).getTextContent());
        }
        assertThat(texts).contains(withoutControls(article.headline()));
        assertThat(sitemap.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void shouldDeadLetterAnEventWithANulAndServeTheRest() {
        Article nul = TestArticles.article("international", List.of(), OffsetDateTime.now(ZoneOffset.ofHours(6)),
                "শিরোনাম\u0000NUL");
        Article good = TestArticles.seed(TestArticles.newId());

        publish(TestArticles.published(nul));
        publish(TestArticles.published(good));

        assertThat(deadLetters(nul.id(), 1)).hasSize(1);
        eventually().until(() -> get("/api/v1/articles/" + good.id()).status() == 200);
        assertProblem(get("/api/v1/articles/" + nul.id()), 404, "article-not-found");
        assertThat(jdbc.sql("select count(*) from articles where id = ?").param(nul.id()).query(Long.class).single())
                .isZero();
    }

    static Stream<Arguments> oddTargets() {
        return Stream.of(
                "/api/v1/articles/by-slug/../../etc/passwd", "/api/v1/articles/by-slug/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/articles/by-slug/%2e%2e%2f%2e%2e%2f", "/api/v1/articles/by-slug/..;/..;/etc",
                "/api/v1/articles/by-slug/a%5Cb", "/api/v1/articles/by-slug/a\\b", "/api/v1/articles/by-slug/%00",
                "/api/v1/articles/by-slug/%0d%0aX-Injected:%201", "/api/v1/articles/by-slug/%C0%AF",
                "/api/v1/articles/by-slug/%FF%FE", "/api/v1/articles/by-slug/%EF%BD%8B%EF%BD%89%EF%BD%8D",
                "/api/v1/articles/by-slug/" + "a".repeat(5_000), "/api/v1/articles/by-slug/" + "a".repeat(20_000),
                "/api/v1/articles/by-slug/%25", "/api/v1/articles/by-slug/%", "/api/v1/articles/by-slug/'%20OR%201=1--",
                "/api/v1/articles/..%2F..%2Factuator", "/api/v1/articles/%2e%2e", "/api/v1/articles/'%3B%20drop%20table%20articles",
                "/api/v1/articles/" + "x".repeat(5_000) + "/versions", "/api/v1/articles/x/versions/abc",
                "/api/v1/articles/x/versions/-1", "/api/v1/articles/x/versions/99999999999999999999",
                "/api/v1/articles/x/jsonld", "/api/v1/articles/latest?limit=abc", "/api/v1/articles/latest?limit=-1",
                "/api/v1/articles/latest?limit=99999999999", "/api/v1/articles/latest?cursor=%00",
                "/api/v1/articles/latest?cursor=" + "A".repeat(5_000), "/api/v1/articles/latest?cursor=!!!",
                "/api/v1/articles/latest?tag=" + "t".repeat(101), "/api/v1/articles/latest?section=..%2Fx",
                "/api/v1/articles/latest?section=%3Cscript%3E", "/feeds/%3Cscript%3E/rss.xml", "/feeds/..%2F/rss.xml",
                "/feeds/a%00/rss.xml", "/sitemaps/..%2Fnews.xml")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("oddTargets")
    void shouldAnswerOddPathsAndParametersWithAProblem(String target) {
        Answer answer = get(target);

        assertThat(answer.status()).as(target).isBetween(400, 499);
        assertProblem(answer, answer.status(), null);
        assertThat(answer.headerLines()).noneMatch(l -> l.toLowerCase().startsWith("x-injected"));
        assertThat(get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void shouldNeverServeAnotherArticleForALookAlikeSlug() {
        Article article = TestArticles.seed(TestArticles.newId());
        publish(TestArticles.published(article));
        eventually().until(() -> get("/api/v1/articles/by-slug/" + article.slug()).status() == 200);

        for (String lookAlike : List.of(article.slug().toUpperCase(), article.slug() + "%20", "%20" + article.slug(),
                article.slug() + "%00", article.slug() + "/", article.slug().replace("-", "%E2%80%90"),
                article.slug().replace("k", "%D0%BA"), article.slug().replace("-", "_"), article.slug() + ";x=1",
                article.slug().substring(0, article.slug().length() - 1), article.slug() + "%2F..")) {
            Answer answer = get("/api/v1/articles/by-slug/" + lookAlike);
            if (answer.status() == 200) {
                // a path parameter (";x=1") or a trailing slash is not part of the slug: the same article only
                assertThat(JSON.readTree(answer.body()).get("id").asString()).as(lookAlike).isEqualTo(article.id());
            }
            else {
                assertThat(answer.status()).as(lookAlike).isBetween(400, 499);
                assertProblem(answer, answer.status(), null);
            }
        }
    }

    static Stream<Arguments> injectedHeaders() {
        return Stream.of(
                "If-None-Match: \"1\"\rX-Injected: 1", "If-None-Match: garbage", "If-None-Match: " + "\"1\",".repeat(500),
                "If-None-Match: \"\u0001\"", "X-Request-Id: x\rX-Injected: 1", "X-Request-Id: x\u0000y",
                "Accept: application/json\u0001", "Accept: " + "a/b;q=0.1,".repeat(500), "Accept: text/html",
                "Accept-Language: \u00e0\u00a6", "Host: a\rX-Injected: 1", "Cookie: a=\u0001")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("injectedHeaders")
    void shouldNeverLetARequestHeaderSplitOrForgeAResponseHeader(String header) {
        Article article = TestArticles.seed(TestArticles.newId());
        publish(TestArticles.published(article));
        eventually().until(() -> get("/api/v1/articles/" + article.id()).status() == 200);

        Answer answer = RawHttp.send(port, RawHttp.head("GET", "/api/v1/articles/" + article.id(), List.of(header), -1),
                new byte[0]);

        assertThat(answer.headerLines()).noneMatch(l -> l.toLowerCase().startsWith("x-injected"));
        assertThat(answer.headerLines()).allMatch(l -> l.matches("[A-Za-z0-9-]+: [\\x20-\\x7E]*"));
        if (answer.status() == 200 || answer.status() == 304) {
            // a list of ETags that holds the current one is a fair 304; the ETag is ours, never the request's
            assertThat(answer.header("ETag")).isEqualTo("\"1\"");
            if (answer.status() == 200) {
                assertThat(JSON.readTree(answer.body()).get("id").asString()).isEqualTo(article.id());
            }
        }
        else {
            assertThat(answer.status()).isIn(400, 406);
            assertProblem(answer, answer.status(), null);
        }
    }

    @Test
    void shouldRefuseALongTargetAndHugeOrManyHeadersEarly() {
        for (Answer answer : List.of(
                get("/api/v1/articles/latest?tag=" + "a".repeat(20_000)),
                RawHttp.send(port, RawHttp.head("GET", "/feeds/rss.xml", List.of("X-Padding: " + "a".repeat(20_000)), -1),
                        new byte[0]),
                RawHttp.send(port, RawHttp.head("GET", "/feeds/rss.xml",
                        Stream.iterate(0, i -> i + 1).limit(300).map(i -> "X-H" + i + ": v").toList(), -1), new byte[0]))) {
            assertThat(answer.status()).isIn(400, 414, 431);
            assertProblem(answer, answer.status(), null);
        }
        assertThat(get("/feeds/rss.xml").status()).isEqualTo(200);
    }

    @Test
    void shouldGiveSpringsOwnRefusalsATypeOfOurs() {
        assertProblem(RawHttp.send(port, RawHttp.head("POST", "/api/v1/articles/latest", List.of(), 0), new byte[0]),
                405, "method-not-allowed");
        assertProblem(RawHttp.send(port, RawHttp.head("DELETE", "/feeds/rss.xml", List.of(), -1), new byte[0]),
                405, "method-not-allowed");
        assertProblem(get("/api/v1/nothing-here"), 404, "not-found");
    }

    // ---------------------------------------------------------------- helpers

    /** Markup in every text field, control characters XML cannot hold in the one-line ones; published a minute ago. */
    private static Article hostile(String id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(6)).minusMinutes(1).truncatedTo(ChronoUnit.MILLIS);
        String slug = "hostile-" + id;
        return new Article(id, 1, ArticleStatus.PUBLISHED, "শিরোনাম " + MARKUP + CONTROLS, "<b>kicker</b>" + CONTROLS,
                "সারাংশ " + MARKUP + CONTROLS, "<p>দেহ</p>", "দেহ " + MARKUP, "international",
                List.of(MARKUP + CONTROLS, "<i>ট্যাগ</i>"), "ডেস্ক " + MARKUP + CONTROLS, news.prokash.contracts.Edition.ONLINE,
                "bn", now, now, new LeadImage("https://images.example.com/x.jpg", "ক্যাপশন " + MARKUP + CONTROLS,
                        "<a href=javascript:alert(1)>credit</a>"),
                "সূত্র " + MARKUP + CONTROLS, slug, "https://www.prokash.news/international/" + slug);
    }

    private static String withoutControls(String text) {
        return text.replaceAll("[\u0001\u001b\uFFFE]", "");
    }

    private Answer get(String target) {
        return RawHttp.send(port, RawHttp.head("GET", target, List.of(), -1), new byte[0]);
    }

    private static Document xml(Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static Element item(Document rss, String url) {
        NodeList items = rss.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (url.equals(text(item, "link"))) {
                return item;
            }
        }
        throw new AssertionError("no item links to " + url);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    private static JsonNode assertProblem(Answer answer, int status, String type) {
        return ProblemAssertions.assertProblem(answer, status, PROBLEMS, type, LEAK);
    }
}
