package news.prokash.article.article;

import java.util.List;
import java.util.Optional;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ArticleController.class)
class ArticleControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ArticleRepository articles;

    @Test
    void shouldAnswerThePublishedArticleWithItsOffsetAndVersionAsETag() {
        Article seed = TestArticles.seed("a1");
        given(articles.findById("a1")).willReturn(Optional.of(new ArticleRepository.StoredArticle(
                ArticleStatus.PUBLISHED, true, seed)));

        assertThat(mvc.get().uri("/api/v1/articles/a1")).hasStatusOk()
                .hasHeader("ETag", "\"1\"")
                .bodyJson()
                .hasPathSatisfying("$.publishedAt", v -> v.assertThat().isEqualTo("2025-07-13T10:42:00+06:00"))
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("published"))
                .hasPathSatisfying("$.edition", v -> v.assertThat().isEqualTo("online"))
                .hasPathSatisfying("$.leadImage.credit", v -> v.assertThat().isEqualTo("সংগৃহীত"));
    }

    @Test
    void shouldAnswer404ForAnUnpublishedOrScheduledArticle() {
        Article seed = TestArticles.seed("a2");
        given(articles.findById("a2")).willReturn(Optional.of(new ArticleRepository.StoredArticle(
                ArticleStatus.UNPUBLISHED, true, seed)));
        given(articles.findById("a3")).willReturn(Optional.of(new ArticleRepository.StoredArticle(
                ArticleStatus.PUBLISHED, false, seed)));

        assertProblem("/api/v1/articles/a2", 404);
        assertProblem("/api/v1/articles/a3", 404);
    }

    @Test
    void shouldAnswer410ForADeletedArticle() {
        given(articles.findById("a4")).willReturn(Optional.of(new ArticleRepository.StoredArticle(
                ArticleStatus.DELETED, false, null)));

        assertProblem("/api/v1/articles/a4", 410);
    }

    @Test
    void shouldAnswer404ForAnUnknownArticle() {
        given(articles.findById("nope")).willReturn(Optional.empty());

        assertProblem("/api/v1/articles/nope", 404);
    }

    @Test
    void shouldListTwentyByDefaultAndOmitAMissingLeadImage() {
        Article seed = TestArticles.seed("a5");
        given(articles.latest(20)).willReturn(List.of(new ArticleSummary(seed.id(), seed.headline(), seed.section(),
                seed.publishedAt(), seed.url(), null)));

        assertThat(mvc.get().uri("/api/v1/articles/latest")).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo("a5"))
                .hasPathSatisfying("$.items[0].publishedAt", v -> v.assertThat().isEqualTo("2025-07-13T10:42:00+06:00"))
                .doesNotHavePath("$.items[0].leadImage");
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
        given(articles.latest(anyInt())).willThrow(new IllegalStateException("secret internals"));

        assertThat(mvc.get().uri("/api/v1/articles/latest")).hasStatus(500)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText().doesNotContain("secret").doesNotContain("IllegalStateException");
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
