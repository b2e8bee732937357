package news.prokash.search.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.prokash.contracts.LeadImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(SearchController.class)
@Import({ SearchMetrics.class, SearchControllerTests.Meters.class })
class SearchControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private SimpleMeterRegistry meters;

    private final Map<String, Long> before = new HashMap<>();

    @MockitoBean
    private ArticleSearch search;

    @Test
    void shouldAnswerTheContractShape() {
        given(search.search(any())).willReturn(new SearchResult("কিম", 1, List.of(new SearchResult.Item("a-1",
                "রাশিয়ার পাশে আছেন কিম জং উন", "রাশিয়ার পাশে আছেন <mark>কিম</mark> জং উন", "international",
                "2025-07-13T10:42:00+06:00", "https://prokash.news/international/kim", null, "… <mark>কিম</mark> …"))));

        MvcTestResult result = mvc.get().uri("/api/v1/search?q={q}", "কিম").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.query").isEqualTo("কিম");
        assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.items[0].headlineHighlighted").asString().contains("<mark>কিম</mark>");
        assertThat(result).bodyJson().extractingPath("$.items[0].publishedAt").isEqualTo("2025-07-13T10:42:00+06:00");
        // leadImage is left out when there is none
        assertThat(result).bodyJson().doesNotHavePath("$.items[0].leadImage");
        assertThat(searches("hits")).isEqualTo(1);
        assertThat(searches("no-hits")).isZero();
    }

    @Test
    void shouldIncludeTheLeadImageWhenPresent() {
        given(search.search(any())).willReturn(new SearchResult("ইলিশ", 1, List.of(new SearchResult.Item("a-2",
                "ইলিশ", "<mark>ইলিশ</mark>", "national", "2025-07-11T10:42:00+06:00", "https://prokash.news/national/x",
                new LeadImage("https://images.example.com/x.jpg", "ইলিশ", "সংগৃহীত"), "<mark>ইলিশ</mark>"))));

        assertThat(mvc.get().uri("/api/v1/search?q={q}&limit=5", "ইলিশ")).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].leadImage.url").isEqualTo("https://images.example.com/x.jpg");
    }

    @Test
    void shouldRejectAMissingQuery() {
        MvcTestResult result = mvc.get().uri("/api/v1/search").exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        verifyNoInteractions(search);
    }

    @Test
    void shouldRejectABlankQuery() {
        MvcTestResult result = mvc.get().uri("/api/v1/search?q={q}", "   ").exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void shouldRejectAQueryOver500Characters() {
        MvcTestResult result = mvc.get().uri("/api/v1/search?q={q}", "ক".repeat(501)).exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be at most 500 characters");
        verifyNoInteractions(search);
    }

    @Test
    void shouldAcceptAQueryOfExactly500Characters() {
        given(search.search(any())).willReturn(new SearchResult("x", 0, List.of()));

        assertThat(mvc.get().uri("/api/v1/search?q={q}", "ক".repeat(500))).hasStatusOk();
    }

    @Test
    void shouldRejectLimitsOutside1To50() {
        for (String limit : List.of("-1", "0", "51", "abc")) {
            MvcTestResult result = mvc.get().uri("/api/v1/search?q=x&limit={limit}", limit).exchange();

            assertProblem(result, HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        }
        verifyNoInteractions(search);
    }

    @Test
    void shouldAnswer503WhenElasticsearchIsUnreachable() {
        given(search.search(any())).willThrow(new SearchUnavailableException(new IOException("Connection refused")));

        MvcTestResult result = mvc.get().uri("/api/v1/search?q=x").exchange();

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(result).hasHeader("Retry-After", "5");
        assertThat(result).body().asString().doesNotContain("Connection refused");
        assertThat(searches("failed")).isEqualTo(1);
    }

    @Test
    void shouldCountASearchWithoutResultsApartAndNotCountBadRequests() {
        given(search.search(any())).willReturn(new SearchResult("অজানা", 0, List.of()));

        assertThat(mvc.get().uri("/api/v1/search?q={q}", "অজানা")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/search?q=x&limit=0")).hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(searches("no-hits")).isEqualTo(1);
        assertThat(searches("hits") + searches("failed")).isZero();
    }

    @Test
    void shouldHideUnexpectedErrorsBehindABare500() {
        given(search.search(any())).willThrow(new IllegalStateException("secret internals"));

        MvcTestResult result = mvc.get().uri("/api/v1/search?q=x").exchange();

        assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(result).body().asString().doesNotContain("secret internals").doesNotContain("Exception");
    }

    /** The context (and its registry) is shared by the tests: count from this test's start. */
    @BeforeEach
    void countFromHere() {
        for (String outcome : List.of("hits", "no-hits", "failed")) {
            before.put(outcome, total(outcome));
        }
    }

    private long searches(String outcome) {
        return total(outcome) - before.get(outcome);
    }

    private long total(String outcome) {
        return meters.get("prokash.search.queries").tag("outcome", outcome).timer().count();
    }

    private static void assertProblem(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
        assertThat(result).bodyJson().extractingPath("$.type").asString().startsWith("https://prokash.news/problems/");
        assertThat(result).bodyJson().extractingPath("$.title").isNotNull();
        assertThat(result).bodyJson().extractingPath("$.detail").isNotNull();
    }
}
