package news.prokash.ingest.article;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.prokash.ingest.article.ArticleIngestService.Accepted;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP contract of the intake: validation and problem details. The lifecycle (store and Kafka) is
 * mocked here only, and security filters are off; the integration tests run it all for real.
 */
@WebMvcTest(ArticleController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ ArticleConfig.class, IngestMetrics.class, IngestRequestValidator.class, ArticleControllerTests.Metrics.class })
class ArticleControllerTests {

    static final String SEED = """
            {
              "headline": "রাশিয়ার পাশে আছেন কিম জং উন",
              "kicker": null,
              "summary": "ইউক্রেন সংকটে মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত করেছেন কিম",
              "bodyHtml": "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p>",
              "section": "international",
              "tags": ["উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন"],
              "byline": "কালবেলা ডেস্ক",
              "edition": "online",
              "language": "bn",
              "publishedAt": "2025-07-13T10:42:00+06:00",
              "leadImage": {"url": "https://images.example.com/kim.jpg", "caption": "উত্তর কোরিয়ার নেতা কিম জং উন।", "credit": "সংগৃহীত"},
              "source": "তাস নিউজ এজেন্সি",
              "slug": null
            }""";

    @TestConfiguration(proxyBeanMethods = false)
    static class Metrics {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @MockitoBean
    ArticleIngestService ingest;

    private final Map<String, Double> before = new HashMap<>();

    @BeforeEach
    void countersBefore() {
        for (String outcome : List.of("accepted", "rejected", "failed")) {
            before.put(outcome, total(outcome));
        }
    }

    @Test
    void shouldAcceptTheSeedArticle() throws Exception {
        given(ingest.create(any(), isNull())).willReturn(new Accepted("0198a3c2-7b1e-7c3d-9e4f-2e3f4a5b6c7d", 1));

        send(SEED)
                .andExpect(status().isAccepted())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", matchesPattern("http://localhost:8082/api/v1/articles/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
                .andExpect(jsonPath("$.version").value(1));
        verify(ingest).create(any(IngestRequest.class), isNull());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "headline": "রাশিয়ার পাশে আছেন কিম জং উন", | "headline": "  ",                          | headline    | must not be blank
            "section": "international",           | "section": "weather",                     | section     | is not a known section
            "edition": "online",                  | "edition": "web",                         | edition     | must be online or print
            "language": "bn",                     | "language": "Bengali",                    | language    | must be one of bn, en
            "publishedAt": "2025-07-13T10:42:00+06:00", | "publishedAt": "2025-07-13T10:42:00", | publishedAt | must be an ISO-8601 date-time with a real time-zone offset, e.g. 2025-07-13T10:42:00+06:00
            "https://images.example.com/kim.jpg"  | "ftp://images.example.com/kim.jpg"        | leadImage.url | must be an http or https URL
            "<p>উত্তর                              | "<script>alert(1)</script><p>উত্তর          | bodyHtml    | must not contain scripts, styles, frames, embedded objects, event handlers or javascript: links
            "রাশিয়া",                              | "",                                       | tags[1]     | must not be blank
            "publishedAt": "2025-07-13T10:42:00+06:00", | "publishedAt": "2025-07-13T10:42:00+06:07", | publishedAt | must be an ISO-8601 date-time with a real time-zone offset, e.g. 2025-07-13T10:42:00+06:00
            "slug": null                          | "slug": "Kim Backs Russia!"               | slug        | must be lowercase ASCII letters and digits in words joined by single hyphens
            """)
    void shouldExplainAnInvalidField(String from, String to, String field, String message) throws Exception {
        String body = SEED.replace(from, to);
        assertThat(body).isNotEqualTo(SEED);

        expectBadRequest(send(body))
                .andExpect(jsonPath("$.detail").value("1 field is invalid."))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    @Test
    void shouldListEveryInvalidFieldAtOnce() throws Exception {
        String body = SEED.replace("\"headline\": \"রাশিয়ার পাশে আছেন কিম জং উন\",", "")
                .replace("\"international\"", "\"weather\"")
                .replace("\"bn\"", "\"bangla\"")
                .replace("[\"উত্তর কোরিয়া\", ", "[" + "\"t\", ".repeat(19) + "\"উত্তর কোরিয়া\", ");

        expectBadRequest(send(body))
                .andExpect(jsonPath("$.detail").value("4 fields are invalid."))
                .andExpect(jsonPath("$.errors[*].field").value(contains("headline", "language",
                        "section", "tags")))
                .andExpect(jsonPath("$.errors[3].message").value("size must be between 0 and 20"));
    }

    /** Every message of the API is English; Hibernate Validator used to translate only its own defaults. */
    @Test
    void shouldAnswerInEnglishWhateverTheAcceptLanguage() throws Exception {
        String body = SEED.replace("\"headline\": \"রাশিয়ার পাশে আছেন কিম জং উন\",", "\"headline\": \" \",");

        expectBadRequest(mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE, fr;q=0.8").content(body)))
                .andExpect(jsonPath("$.errors[0].field").value("headline"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void shouldRejectABodyWithNoTextLeft() throws Exception {
        expectBadRequest(send(SEED.replaceFirst("\"bodyHtml\": \"[^\"]*\"", "\"bodyHtml\": \"<div> </div>\"")))
                .andExpect(jsonPath("$.errors[0].field").value("bodyHtml"))
                .andExpect(jsonPath("$.errors[0].message").value("must contain text after sanitizing"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"headline": "কিম",                       | $        | is not valid JSON
            [1, 2]                                   | $        | must be a JSON object
            '{"headline": ["কিম"]}'                  | headline | has the wrong type
            '{"tags": "রাশিয়া"}'                      | tags     | has the wrong type
            '{"leadImage": {"url": "x", "size": 1}}'   | leadImage.size | is not a known field
            '{"headlin": "কিম"}'                      | headlin  | is not a known field
            """)
    void shouldExplainAnUnreadableBodyWithoutQuotingTheParser(String body, String field, String message) throws Exception {
        expectBadRequest(send(body))
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    @Test
    void shouldRejectAnEmptyBody() throws Exception {
        expectBadRequest(send(""))
                .andExpect(jsonPath("$.errors[0].field").value("$"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a JSON object"));
    }

    @Test
    void shouldAnswer415ForAnotherMediaType() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.TEXT_PLAIN).content(SEED))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.title").exists());
        verify(ingest, never()).create(any(), any());
        assertThat(count("rejected")).isEqualTo(1);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        willThrow(new PublishFailedException(Duration.ofSeconds(5),
                new TimeoutException("Topic prokash.articles.v1 not present in metadata")))
                .given(ingest).create(any(), any());

        send(SEED)
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("https://prokash.example/problems/publish-unavailable"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(
                        "The event log did not confirm the change in time. Send it again later, with the same Idempotency-Key."))
                .andExpect(content().string(not(containsString("metadata"))));
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions expectBadRequest(ResultActions result) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://prokash.example/problems/invalid-article"))
                .andExpect(jsonPath("$.title").value("Invalid article"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/api/v1/articles"));
        verify(ingest, never()).create(any(), any());
        assertThat(count("rejected")).isEqualTo(1);
        return result;
    }

    /** Counts since this test began: the registry lives as long as the cached context. */
    private double count(String outcome) {
        return total(outcome) - before.get(outcome);
    }

    private double total(String outcome) {
        return registry.get(IngestMetrics.ARTICLES).tag("outcome", outcome).counter().count();
    }
}
