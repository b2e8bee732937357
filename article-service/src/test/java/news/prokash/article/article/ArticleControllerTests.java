package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

import news.prokash.article.config.ArticleProperties;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ArticleController.class)
@EnableConfigurationProperties(ArticleProperties.class)
@Import(ArticleViewJson.class)
class ArticleControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ArticleViewJson views;

    @MockitoBean
    ArticleRepository articles;

    @Test
    void shouldAnswerThePublishedArticleWithItsOffsetAndVersionAsETag() {
        Article seed = TestArticles.seed("a1");
        given(articles.findViewById("a1")).willReturn(Optional.of(view(seed, ArticleStatus.PUBLISHED, true)));

        assertThat(mvc.get().uri("/api/v1/articles/a1")).hasStatusOk()
                .hasHeader("ETag", "\"1\"")
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .hasPathSatisfying("$.publishedAt", v -> v.assertThat().isEqualTo("2025-07-13T10:42:00+06:00"))
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("published"))
                .hasPathSatisfying("$.edition", v -> v.assertThat().isEqualTo("online"))
                .hasPathSatisfying("$.leadImage.credit", v -> v.assertThat().isEqualTo("সংগৃহীত"));
    }

    @Test
    void shouldAnswer404ForAnUnpublishedOrScheduledArticle() {
        Article seed = TestArticles.seed("a2");
        given(articles.findViewById("a2")).willReturn(Optional.of(view(seed, ArticleStatus.UNPUBLISHED, true)));
        given(articles.findViewById("a3")).willReturn(Optional.of(view(seed, ArticleStatus.PUBLISHED, false)));

        assertProblem("/api/v1/articles/a2", 404);
        assertProblem("/api/v1/articles/a3", 404);
    }

    @Test
    void shouldAnswer410ForADeletedArticle() {
        given(articles.findViewById("a4")).willReturn(Optional.of(new ArticleRepository.StoredView(
                ArticleStatus.DELETED, false, 2, null)));

        assertProblem("/api/v1/articles/a4", 410);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenNoDatabaseConnectionCanBeHad() {
        given(articles.findViewById("busy")).willThrow(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("HikariPool-1 - timed out")));

        assertProblem("/api/v1/articles/busy", 503);
        assertThat(mvc.get().uri("/api/v1/articles/busy")).hasHeader("Retry-After", "2")
                .bodyText().doesNotContain("Hikari").doesNotContain("JDBC");
    }

    @Test
    void shouldAnswer404ForAnUnknownArticle() {
        given(articles.findViewById("nope")).willReturn(Optional.empty());

        assertProblem("/api/v1/articles/nope", 404);
    }

    @Test
    void shouldListTwentyByDefaultAndOmitAMissingLeadImage() {
        Article seed = TestArticles.seed("a5");
        given(articles.latest(new ArticleRepository.LatestQuery(null, null, null, 20))).willReturn(List.of(
                new ArticleSummary(seed.id(), seed.headline(), seed.section(), seed.publishedAt(), seed.url(), null, 1)));

        assertThat(mvc.get().uri("/api/v1/articles/latest")).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo("a5"))
                .hasPathSatisfying("$.items[0].publishedAt", v -> v.assertThat().isEqualTo("2025-07-13T10:42:00+06:00"))
                .doesNotHavePath("$.items[0].leadImage")
                .hasPathSatisfying("$.items[0].position", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].positionBn", v -> v.assertThat().isEqualTo("১"))
                .hasPathSatisfying("$.items[0].published", v -> v.assertThat().isEqualTo("প্রকাশ : ১৩ জুলাই ২০২৫, ১০:৪২ এএম"))
                // fewer items than asked for: the last page
                .doesNotHavePath("$.nextCursor");
    }

    @Test
    void shouldHandOutACursorThatContinuesAfterTheLastItemAndItsPosition() {
        Article seed = TestArticles.seed("a6");
        given(articles.latest(any())).willReturn(List.of(
                new ArticleSummary(seed.id(), seed.headline(), seed.section(), seed.publishedAt(), seed.url(), null, 7)));

        assertThat(mvc.get().uri("/api/v1/articles/latest?limit=1&section=international&tag=রাশিয়া")).hasStatusOk()
                .hasHeader("Cache-Control", "max-age=15, public, stale-while-revalidate=45")
                .bodyJson()
                .hasPathSatisfying("$.nextCursor", v -> v.assertThat().isEqualTo(
                        new LatestCursor(seed.publishedAt().toInstant(), "a6", 7).encode()));
        then(articles).should().latest(
                new ArticleRepository.LatestQuery("international", "রাশিয়া", null, 1));
    }

    @Test
    void shouldPassADecodedCursorOn() {
        LatestCursor cursor = new LatestCursor(TestArticles.SEED_PUBLISHED_AT.toInstant(), "a7", 20);
        given(articles.latest(any())).willReturn(List.of());

        assertThat(mvc.get().uri("/api/v1/articles/latest?cursor=" + cursor.encode())).hasStatusOk();

        then(articles).should().latest(new ArticleRepository.LatestQuery(null, null, cursor, 20));
    }

    @Test
    void shouldRejectAnUnknownSectionABadTagAndAForgedCursor() {
        assertThat(mvc.get().uri("/api/v1/articles/latest?section=Sports")).hasStatus(400)
                .bodyJson().hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("section"));
        assertThat(mvc.get().uri("/api/v1/articles/latest?tag=" + "ক".repeat(101))).hasStatus(400)
                .bodyJson().hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("tag"));
        assertThat(mvc.get().uri("/api/v1/articles/latest").param("tag", " ")).hasStatus(400);
        for (String forged : List.of("abc", "djF8eHx5fHo", "!!!", "djF8MTB8MHxh")) {
            assertThat(mvc.get().uri("/api/v1/articles/latest?cursor=" + forged)).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("cursor"));
        }
        verifyNoInteractions(articles);
    }

    @Test
    void shouldAnswerNotModifiedForTheCurrentVersionAndCacheArticlesLongerThanLists() {
        Article seed = TestArticles.seed("a8");
        given(articles.findViewById("a8")).willReturn(Optional.of(view(seed, ArticleStatus.PUBLISHED, true)));

        assertThat(mvc.get().uri("/api/v1/articles/a8").header("If-None-Match", "\"1\"")).hasStatus(304)
                .hasHeader("ETag", "\"1\"");
        assertThat(mvc.get().uri("/api/v1/articles/a8").header("If-None-Match", "\"0\"")).hasStatusOk()
                .hasHeader("Cache-Control", "max-age=300, public, stale-while-revalidate=60");
    }

    @Test
    void shouldAddBengaliDisplayStringsToTheArticleAndFindItBySlug() {
        Article seed = TestArticles.seed("a9");
        given(articles.findViewBySlug(seed.slug())).willReturn(Optional.of(view(seed, ArticleStatus.PUBLISHED, true)));

        assertThat(mvc.get().uri("/api/v1/articles/by-slug/" + seed.slug())).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.id", v -> v.assertThat().isEqualTo("a9"))
                .hasPathSatisfying("$.bodyText", v -> v.assertThat().isEqualTo(seed.bodyText()))
                .hasPathSatisfying("$.display.published", v -> v.assertThat().isEqualTo("প্রকাশ : ১৩ জুলাই ২০২৫, ১০:৪২ এএম"))
                .hasPathSatisfying("$.display.updated", v -> v.assertThat().isEqualTo("আপডেট : ১৩ জুলাই ২০২৫, ১০:৪২ এএম"))
                .doesNotHavePath("$.article");
    }

    @Test
    void shouldDescribeTheArticleAsSchemaOrgNewsArticle() {
        Article seed = TestArticles.seed("a10");
        given(articles.findById("a10")).willReturn(Optional.of(new ArticleRepository.StoredArticle(
                ArticleStatus.PUBLISHED, true, seed)));

        assertThat(mvc.get().uri("/api/v1/articles/a10/jsonld")).hasStatusOk()
                .hasContentType("application/ld+json")
                .bodyJson()
                .hasPathSatisfying("$['@context']", v -> v.assertThat().isEqualTo("https://schema.org"))
                .hasPathSatisfying("$['@type']", v -> v.assertThat().isEqualTo("NewsArticle"))
                .hasPathSatisfying("$.headline", v -> v.assertThat().isEqualTo(seed.headline()))
                .hasPathSatisfying("$.image[0]", v -> v.assertThat().isEqualTo("https://images.example.com/kim.jpg"))
                .hasPathSatisfying("$.datePublished", v -> v.assertThat().isEqualTo("2025-07-13T10:42:00+06:00"))
                .hasPathSatisfying("$.dateModified", v -> v.assertThat().isEqualTo("2025-07-13T10:42:00+06:00"))
                .hasPathSatisfying("$.author[0]['@type']", v -> v.assertThat().isEqualTo("Organization"))
                .hasPathSatisfying("$.author[0].name", v -> v.assertThat().isEqualTo("কালবেলা ডেস্ক"))
                .hasPathSatisfying("$.publisher.name", v -> v.assertThat().isEqualTo("প্রকাশ"))
                .hasPathSatisfying("$.mainEntityOfPage['@id']", v -> v.assertThat().isEqualTo(seed.url()))
                .hasPathSatisfying("$.inLanguage", v -> v.assertThat().isEqualTo("bn"));
    }

    @Test
    void shouldRejectALimitOutOfRangeWithAProblem() {
        for (String limit : List.of("0", "51", "-1")) {
            assertThat(mvc.get().uri("/api/v1/articles/latest?limit=" + limit)).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("limit"))
                    .hasPathSatisfying("$.errors[0].message", v -> v.assertThat().isEqualTo("must be between 1 and 50"));
        }
        verifyNoInteractions(articles);
    }

    @Test
    void shouldRejectANonNumericLimitWithoutEchoingIt() {
        assertThat(mvc.get().uri("/api/v1/articles/latest?limit=abc<script>")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText().doesNotContain("abc").doesNotContain("script").contains("must be a whole number");
        verifyNoInteractions(articles);
    }

    @Test
    void shouldHideUnexpectedErrorsBehindAProblem() {
        given(articles.latest(any())).willThrow(new IllegalStateException("secret internals"));

        assertThat(mvc.get().uri("/api/v1/articles/latest")).hasStatus(500)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText().doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    /** The row as the repository reads it: the body rendered when the version was applied. */
    private ArticleRepository.StoredView view(Article article, ArticleStatus status, boolean due) {
        return new ArticleRepository.StoredView(status, due, article.version(),
                views.render(article).getBytes(StandardCharsets.UTF_8));
    }

    private void assertProblem(String uri, int status) {
        assertThat(mvc.get().uri(uri)).hasStatus(status)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo(status))
                .hasPathSatisfying("$.title", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.detail", v -> v.assertThat().isNotNull())
                .doesNotHavePath("$.trace");
    }
}
