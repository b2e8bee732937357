package news.prokash.article.article;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads through HTTP of articles that came in through the broker: lists, history, feeds. */
class ArticleReadIntegrationTests extends IntegrationTestBase {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void shouldPageWithACursorThatIgnoresArticlesPublishedMeanwhile() {
        String tag = TestArticles.newTag();
        List<Article> articles = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            articles.add(TestArticles.article("economy", List.of(tag), NOW.minusMinutes(10L * i), "খবর " + i));
        }
        // a tie on the publish time: the id decides, so the order is still total
        articles.add(TestArticles.article("economy", List.of(tag), NOW.minusMinutes(20), "খবর ৫"));
        articles.forEach(a -> publish(TestArticles.published(a)));
        eventually().until(() -> latest("tag=" + tag + "&limit=50").items().size() == 5);
        List<String> expected = latest("tag=" + tag + "&limit=50").items().stream().map(ArticleSummary::id).toList();

        ArticleList first = latest("tag=" + tag + "&limit=2");
        // published after the first page was read: a newer one, and one older than the whole list
        Article newer = TestArticles.article("economy", List.of(tag), NOW.minusMinutes(1), "নতুন খবর");
        Article older = TestArticles.article("economy", List.of(tag), NOW.minusDays(1), "পুরনো খবর");
        publish(TestArticles.published(newer));
        publish(TestArticles.published(older));
        eventually().until(() -> latest("tag=" + tag + "&limit=50").items().size() == 7);
        ArticleList second = latest("tag=" + tag + "&limit=2&cursor=" + first.nextCursor());
        ArticleList third = latest("tag=" + tag + "&limit=2&cursor=" + second.nextCursor());
        ArticleList fourth = latest("tag=" + tag + "&limit=2&cursor=" + third.nextCursor());

        List<ArticleSummary> paged = new ArrayList<>();
        List.of(first, second, third).forEach(page -> paged.addAll(page.items()));
        assertThat(paged.subList(0, 5)).extracting(ArticleSummary::id).containsExactlyElementsOf(expected);
        assertThat(paged.get(5).id()).isEqualTo(older.id());
        assertThat(paged).extracting(ArticleSummary::position).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(paged).extracting(ArticleSummary::positionBn).containsExactly("১", "২", "৩", "৪", "৫", "৬");
        assertThat(fourth.items()).isEmpty();
        assertThat(fourth.nextCursor()).isNull();
        assertThat(latest("tag=" + tag + "&limit=1").items().getFirst().id()).isEqualTo(newer.id());
    }

    @Test
    void shouldFilterTheLatestListBySectionAndTag() {
        String tag = TestArticles.newTag();
        Article sports = TestArticles.article("sports", List.of(tag, "ক্রিকেট"), NOW.minusMinutes(5), "খেলা");
        Article politics = TestArticles.article("politics", List.of(tag), NOW.minusMinutes(6), "রাজনীতি");
        publish(TestArticles.published(sports));
        publish(TestArticles.published(politics));

        eventually().until(() -> latest("tag=" + tag).items().size() == 2);
        assertThat(latest("tag=" + tag + "&section=sports").items()).extracting(ArticleSummary::id)
                .containsExactly(sports.id());
        assertThat(latest("section=politics&limit=50").items()).extracting(ArticleSummary::section)
                .containsOnly("politics");
    }

    @Test
    void shouldHideAnUnpublishedArticleFromEveryReadAndAnswer410OnceDeleted() {
        String tag = TestArticles.newTag();
        Article article = TestArticles.article("national", List.of(tag), NOW.minusMinutes(3), "প্রত্যাহার হবে");
        publish(TestArticles.published(article));
        eventually().until(() -> latest("tag=" + tag).items().size() == 1);
        http.get().uri("/api/v1/articles/by-slug/{slug}", article.slug()).exchange().expectStatus().isOk();
        assertThat(rssLinks("/feeds/national/rss.xml")).contains(article.url());

        publish(new ArticleUnpublished(article.id(), 2, NOW.toInstant(),
                article.withStatus(ArticleStatus.UNPUBLISHED, 2, NOW)));

        eventually().until(() -> latest("tag=" + tag).items().isEmpty());
        for (String uri : List.of("/api/v1/articles/" + article.id(), "/api/v1/articles/by-slug/" + article.slug(),
                "/api/v1/articles/" + article.id() + "/jsonld", "/api/v1/articles/" + article.id() + "/versions")) {
            http.get().uri(uri).exchange().expectStatus().isNotFound();
        }
        assertThat(rssLinks("/feeds/rss.xml")).doesNotContain(article.url());
        assertThat(rssLinks("/feeds/national/rss.xml")).doesNotContain(article.url());
        assertThat(sitemapLocs()).doesNotContain(article.url());

        publish(new ArticleDeleted(article.id(), 3, NOW.toInstant()));

        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", article.id()).exchange()
                .expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.get().uri("/api/v1/articles/by-slug/{slug}", article.slug()).exchange().expectStatus().isEqualTo(410);
    }

    @Test
    void shouldKeepEveryVersionAsHistory() {
        Article v1 = TestArticles.article("international", List.of(), NOW.minusMinutes(30), "প্রথম শিরোনাম");
        publish(TestArticles.published(v1));
        publish(TestArticles.updated(v1, "দ্বিতীয় শিরোনাম"));

        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}/versions", v1.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(v1.id())
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].version").isEqualTo(1)
                .jsonPath("$.items[0].type").isEqualTo("ArticlePublished")
                .jsonPath("$.items[0].occurredAt").isEqualTo(v1.updatedAt().toInstant().toString())
                .jsonPath("$.items[1].type").isEqualTo("ArticleUpdated"));
        http.get().uri("/api/v1/articles/{id}/versions/1", v1.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.article.headline").isEqualTo("প্রথম শিরোনাম")
                // compared as a time: OffsetDateTime.toString() leaves out ":00" seconds, so text fails one minute in sixty
                .jsonPath("$.article.publishedAt").value(String.class,
                        at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(v1.publishedAt()));
        http.get().uri("/api/v1/articles/{id}/versions/9", v1.id()).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldAnswerNotModifiedToARepeatedListRequestWithItsETag() {
        String etag = http.get().uri("/api/v1/articles/latest?section=jobs").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=15, public, stale-while-revalidate=45")
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        http.get().uri("/api/v1/articles/latest?section=jobs").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void shouldServeValidRss20FeedsForTheSiteAndPerSection() throws Exception {
        Article article = TestArticles.article("economy", List.of(), NOW.minusSeconds(30), "অর্থনীতির খবর <ও> & আরও");
        publish(TestArticles.published(article));
        eventually().until(() -> rssLinks("/feeds/rss.xml").contains(article.url()));

        SyndFeed site = rss("/feeds/rss.xml");
        SyndFeed economy = rss("/feeds/economy/rss.xml");

        assertThat(site.getFeedType()).isEqualTo("rss_2.0");
        assertThat(site.getLanguage()).isEqualTo("bn");
        assertThat(site.getTitle()).isEqualTo("প্রকাশ");
        SyndEntry entry = economy.getEntries().stream().filter(e -> e.getLink().equals(article.url())).findFirst()
                .orElseThrow();
        assertThat(entry.getTitle()).isEqualTo("অর্থনীতির খবর <ও> & আরও");
        assertThat(entry.getUri()).isEqualTo(article.url());
        assertThat(entry.getPublishedDate().toInstant()).isEqualTo(article.publishedAt().toInstant());
        assertThat(entry.getDescription().getValue()).isEqualTo(article.summary());
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("economy");
        assertThat(entry.getAuthor()).isEqualTo("কালবেলা ডেস্ক");
        assertThat(economy.getEntries()).allSatisfy(e -> assertThat(e.getCategories())
                .extracting(SyndCategory::getName).containsExactly("economy"));
        assertThat(rssLinks("/feeds/sports/rss.xml")).doesNotContain(article.url());
        http.get().uri("/feeds/weather/rss.xml").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldListTheLastTwoDaysInTheGoogleNewsSitemap() throws Exception {
        Article recent = TestArticles.article("politics", List.of(), NOW.minusHours(3), "সাম্প্রতিক খবর");
        Article old = TestArticles.article("politics", List.of(), NOW.minusDays(3), "পুরনো খবর");
        publish(TestArticles.published(recent));
        publish(TestArticles.published(old));
        eventually().until(() -> sitemapLocs().contains(recent.url()));

        Document sitemap = sitemap();
        Element root = sitemap.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ArticleFeedController.SITEMAP_NS);
        assertThat(root.getLocalName()).isEqualTo("urlset");
        Element url = null;
        NodeList urls = root.getElementsByTagNameNS(ArticleFeedController.SITEMAP_NS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element candidate = (Element) urls.item(i);
            if (text(candidate, ArticleFeedController.SITEMAP_NS, "loc").equals(recent.url())) {
                url = candidate;
            }
        }
        assertThat(url).isNotNull();
        String news = ArticleFeedController.NEWS_NS;
        Element publication = (Element) url.getElementsByTagNameNS(news, "publication").item(0);
        assertThat(text(publication, news, "name")).isEqualTo("প্রকাশ");
        assertThat(text(publication, news, "language")).isEqualTo("bn");
        assertThat(OffsetDateTime.parse(text(url, news, "publication_date"))).isEqualTo(recent.publishedAt());
        assertThat(text(url, news, "title")).isEqualTo("সাম্প্রতিক খবর");
        assertThat(sitemapLocs()).doesNotContain(old.url());
    }

    @Test
    void shouldServeTheOpenApiDescription() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}']").exists()
                .jsonPath("$.paths['/api/v1/articles/latest']").exists()
                .jsonPath("$.paths['/api/v1/articles/{id}/versions']").exists()
                .jsonPath("$.paths['/feeds/rss.xml']").exists()
                .jsonPath("$.paths['/sitemaps/news.xml']").exists();
    }

    private ArticleList latest(String query) {
        ArticleList list = http.get().uri("/api/v1/articles/latest?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(ArticleList.class)
                .returnResult()
                .getResponseBody();
        assertThat(list).isNotNull();
        return list;
    }

    private SyndFeed rss(String uri) throws Exception {
        byte[] body = http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/rss+xml"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    }

    private List<String> rssLinks(String uri) {
        try {
            return rss(uri).getEntries().stream().map(SyndEntry::getLink).toList();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Document sitemap() throws Exception {
        String body = http.get().uri("/sitemaps/news.xml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody(String.class).returnResult().getResponseBody();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    private List<String> sitemapLocs() {
        try {
            NodeList locs = sitemap().getElementsByTagNameNS(ArticleFeedController.SITEMAP_NS, "loc");
            List<String> result = new ArrayList<>();
            for (int i = 0; i < locs.getLength(); i++) {
                result.add(locs.item(i).getTextContent());
            }
            return result;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Element parent, String namespace, String name) {
        return parent.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }
}
