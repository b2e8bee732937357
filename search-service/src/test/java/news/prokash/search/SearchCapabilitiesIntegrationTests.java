package news.prokash.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.Infrastructure;
import news.prokash.search.indexing.IndexRebuild;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Filters, order, facets, paging, Latin queries, suggestions, related articles, bad input, an
 * Elasticsearch outage and a rebuild, end to end through Kafka and HTTP. Texts after real reports
 * (Sundarbans tiger census, Padma bridge traffic, Chattogram port, Sylhet floods).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCapabilitiesIntegrationTests extends ServiceIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    /** A word only this class's articles carry, so filters and counts see only them. */
    private final String marker = "zq" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    private final String tiger1 = "tiger1-" + UUID.randomUUID();
    private final String tiger2 = "tiger2-" + UUID.randomUUID();
    private final String bridge = "bridge-" + UUID.randomUUID();
    private final String port = "port-" + UUID.randomUUID();
    private final String flood = "flood-" + UUID.randomUUID();
    private final String flood2 = "flood2-" + UUID.randomUUID();

    @LocalServerPort
    private int serverPort;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ElasticsearchClient elasticsearch;

    @Autowired
    private IndexRebuild rebuild;

    private RestTestClient http;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void publishArticles() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + serverPort).build();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        send(article(tiger1, "সুন্দরবনে বাঘের সংখ্যা বেড়ে ১২৫", "সর্বশেষ জরিপে সুন্দরবনে বাঘ বেড়েছে",
                "বন বিভাগের সর্বশেষ ক্যামেরা ট্র্যাপিং জরিপে সুন্দরবনে বাঘের সংখ্যা ১১৪ থেকে বেড়ে ১২৫ হয়েছে। "
                        + "খুলনা ও সাতক্ষীরা রেঞ্জে বাঘের বিচরণ বেশি দেখা গেছে।",
                "environment", List.of("সুন্দরবন", "বাঘ"), "নিজস্ব প্রতিবেদক, খুলনা", 3));
        send(article(tiger2, "সুন্দরবনে হরিণ শিকারের ফাঁদে বাঘের মৃত্যু", "বন বিভাগ বলছে, চোরা শিকারিদের ফাঁদে আটকে মারা গেছে বাঘটি",
                "সুন্দরবনের শরণখোলা রেঞ্জে হরিণ শিকারের জন্য পাতা ফাঁদে আটকে একটি বাঘের মৃত্যু হয়েছে। "
                        + "বন বিভাগ চোরা শিকারিদের ধরতে অভিযান শুরু করেছে। সুন্দরবনে বাঘ রক্ষায় টহল বাড়ানো হবে।",
                "environment", List.of("সুন্দরবন", "বাঘ"), "নিজস্ব প্রতিবেদক, বাগেরহাট", 40));
        send(article(bridge, "পদ্মা সেতুতে এক দিনে রেকর্ড টোল আদায়", "ঈদের আগে সেতু পার হয়েছে ৪৫ হাজার যানবাহন",
                "ঈদুল আজহার আগে পদ্মা সেতুতে এক দিনে ৪ কোটি ৮০ লাখ টাকা টোল আদায় হয়েছে, যা সেতু চালুর পর সর্বোচ্চ। "
                        + "মাওয়া প্রান্তে যানবাহনের দীর্ঘ সারি দেখা যায়।",
                "national", List.of("পদ্মা সেতু", "ঈদযাত্রা"), "প্রকাশ ডেস্ক", 10));
        send(article(port, "চট্টগ্রাম বন্দরে কনটেইনার জট কমেছে", "বন্দরের ইয়ার্ডে কনটেইনার রাখার জায়গা বেড়েছে",
                "চট্টগ্রাম বন্দরে কনটেইনার জট কমে এসেছে। বন্দর কর্তৃপক্ষ জানায়, ইয়ার্ডে এখন ৩৫ হাজার একক "
                        + "কনটেইনার রয়েছে, যা ধারণক্ষমতার চেয়ে কম। আমদানি পণ্য খালাসে গতি এসেছে।",
                "economy", List.of("চট্টগ্রাম বন্দর", "আমদানি"), "নিজস্ব প্রতিবেদক, চট্টগ্রাম", 20));
        send(article(flood, "সিলেটে বন্যায় পানিবন্দী লাখো মানুষ", "সুরমা ও কুশিয়ারার পানি বিপৎসীমার ওপরে",
                "টানা বৃষ্টি ও উজানের ঢলে সিলেটের নিম্নাঞ্চল প্লাবিত হয়েছে। সুরমা ও কুশিয়ারা নদীর পানি "
                        + "বিপৎসীমার ওপর দিয়ে বইছে। জেলায় কয়েক লাখ মানুষ পানিবন্দী।",
                "national", List.of("বন্যা", "সিলেট"), "নিজস্ব প্রতিবেদক, সিলেট", 1));
        send(article(flood2, "সুনামগঞ্জে বন্যার পানি কমতে শুরু করেছে", "আশ্রয়কেন্দ্র থেকে বাড়ি ফিরছে মানুষ",
                "সুনামগঞ্জে বন্যার পানি ধীরে ধীরে কমতে শুরু করেছে। আশ্রয়কেন্দ্র থেকে মানুষ বাড়ি ফিরছে, "
                        + "তবে ঘরবাড়ি ও সড়কের ক্ষতি হয়েছে ব্যাপক।",
                "national", List.of("বন্যা", "সুনামগঞ্জ"), "নিজস্ব প্রতিবেদক, সুনামগঞ্জ", 5));
        await().atMost(WITHIN).until(() -> search("q=" + marker + "&limit=50").get("total").asLong() == 6);
    }

    @AfterAll
    void close() {
        proxy().up();
        producer.close();
    }

    @Test
    void shouldFilterBySectionTagBylineAndDates() {
        assertThat(ids("q=" + marker + "&section=environment")).containsExactlyInAnyOrder(tiger1, tiger2);
        assertThat(ids("q=" + marker + "&tag=বন্যা")).containsExactlyInAnyOrder(flood, flood2);
        assertThat(ids("q=" + marker + "&byline=প্রকাশ ডেস্ক")).containsExactly(bridge);
        // published 1, 3, 5, 10, 20 and 40 days ago (Dhaka days)
        String from = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Dhaka")).minusDays(6).toString();
        assertThat(ids("q=" + marker + "&from=" + from)).containsExactlyInAnyOrder(flood, tiger1, flood2);
        String to = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Dhaka")).minusDays(15).toString();
        assertThat(ids("q=" + marker + "&to=" + to)).containsExactlyInAnyOrder(port, tiger2);
    }

    @Test
    void shouldSortByNewestAndFavourRecentNewsInRelevance() {
        assertThat(ids("q=" + marker + "&sort=newest")).containsExactly(flood, tiger1, flood2, bridge, port, tiger2);
        // both are about tigers in the Sundarbans; the three-day-old report outranks the older one
        assertThat(ids("q=সুন্দরবনে বাঘ " + marker)).startsWith(tiger1, tiger2);
    }

    @Test
    void shouldCountSectionsAndTagsOverAllMatches() {
        JsonNode facets = search("q=" + marker + "&limit=1").get("facets");

        assertThat(facets.get("section").get(0).get("value").asString()).isEqualTo("national");
        assertThat(facets.get("section").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(facets.get("tag").toString()).contains("{\"value\":\"বন্যা\",\"count\":2}")
                .contains("{\"value\":\"সুন্দরবন\",\"count\":2}");
    }

    @Test
    void shouldPageDeepWithAnOpaqueCursorWithoutGapsOrRepeats() {
        for (String sort : List.of("relevance", "newest")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = search("q=" + marker + "&limit=2&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
                page.get("items").forEach(item -> seen.add(item.get("id").asString()));
                cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
                pages++;
            }
            while (cursor != null && pages < 10);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(6).doesNotHaveDuplicates();
            assertThat(seen).containsExactlyElementsOf(ids("q=" + marker + "&limit=6&sort=" + sort));
        }
    }

    @Test
    void shouldFindBengaliArticlesFromLatinLetters() {
        assertThat(ids("q=sundarbone bagh")).first().isIn(tiger1, tiger2);
        assertThat(ids("q=padma setu")).first().isEqualTo(bridge);
        assertThat(ids("q=chattogram bondor")).first().isEqualTo(port);
        assertThat(ids("q=syloter bonna")).contains(flood);
        assertThat(ids("q=sunamganje bonnar pani")).first().isEqualTo(flood2);
    }

    @Test
    void shouldSuggestHeadlinesWhileTyping() {
        assertThat(suggestions("সুন্দরব")).contains("সুন্দরবনে বাঘের সংখ্যা বেড়ে ১২৫", "সুন্দরবনে হরিণ শিকারের ফাঁদে বাঘের মৃত্যু");
        assertThat(suggestions("পদ্মা সে")).first().isEqualTo("পদ্মা সেতুতে এক দিনে রেকর্ড টোল আদায়");
        assertThat(suggestions("চট্টগ্রাম বন্দ")).contains("চট্টগ্রাম বন্দরে কনটেইনার জট কমেছে");
        assertThat(suggestions("padma se")).contains("পদ্মা সেতুতে এক দিনে রেকর্ড টোল আদায়");
    }

    @Test
    void shouldFindRelatedArticles() {
        JsonNode related = http.get().uri("/api/v1/search/related/{id}", flood).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        List<String> ids = new ArrayList<>();
        related.get("items").forEach(item -> ids.add(item.get("id").asString()));

        assertThat(ids).first().isEqualTo(flood2);
        assertThat(ids).doesNotContain(flood);
        http.get().uri("/api/v1/search/related/{id}", "no-such-" + UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerBadInputWith400OrASaneResultNever500() {
        for (String query : List.of("q=" + "ক".repeat(10_000), "q=x&limit=-5", "q=x&limit=100000", "q=x&from=2025-13-45",
                "q=x&to=yesterday", "q=x&from=2025-07-20&to=2025-07-01", "q=x&sort=random", "q=x&cursor=not-a-cursor",
                "q=x&cursor=eyJzb3J0IjoibmV3ZXN0IiwiYWZ0ZXIiOlt7fV19", "q=x&sort=newest&cursor="
                        + search("q=" + marker + "&limit=1").get("nextCursor").asString())) {
            http.get().uri("/api/v1/search?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").exists();
        }
        for (String q : List.of("\"পদ্মা সেতু", "পদ্মা\" \"সেতু", "((( [ { < > } ] )))", "+-&&||!(){}[]^\"~*?:\\/",
                "sundarban~3 AND bagh*", "১২৫ বাঘ OR", "a".repeat(500))) {
            http.get().uri("/api/v1/search?q={q}", q).exchange().expectStatus().isOk();
        }
        http.get().uri("/api/v1/search/suggest?q={q}", "x".repeat(101)).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/search/suggest").exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldKeepRetryingWhileElasticsearchIsDownAndCatchUpWithoutDeadLettering() {
        String word = "zw" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        double deadLettered = outcome("dead-lettered");
        double failed = outcome("failed");
        proxy().down();
        try {
            send(TestArticles.article("outage-" + UUID.randomUUID(), 1, "বিদ্যুৎ বিভ্রাটের খবর " + word, "সারাংশ",
                    "লেখা " + word, "national", List.of(), TestArticles.JULY_13));
            // 200 ms doubling to 1 s: well past the old 15 s budget of four attempts, many attempts here
            await().atMost(WITHIN).until(() -> outcome("failed") >= failed + 8);
            http.get().uri("/api/v1/search?q={q}", word).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        finally {
            proxy().up();
        }
        await().atMost(WITHIN).until(() -> search("q=" + word).get("total").asLong() == 1);
        assertThat(outcome("dead-lettered")).isEqualTo(deadLettered);
    }

    @Test
    void shouldRebuildIntoANewIndexAndSwitchTheAliasWithoutFailedSearches() throws Exception {
        List<String> before = new ArrayList<>(elasticsearch.indices().getAlias(a -> a.name("articles")).aliases().keySet());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        Set<Integer> statuses = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread reader = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                statuses.add(http.get().uri("/api/v1/search?q={q}", "বাঘ " + marker).exchange()
                        .returnResult(String.class).getStatus().value());
                searches.incrementAndGet();
            }
        });
        IndexRebuild.Result result;
        try {
            result = rebuild.rebuild(Topics.ARTICLES);
        }
        finally {
            running.set(false);
            reader.join();
        }

        assertThat(statuses).containsOnly(200);
        assertThat(searches.get()).isPositive();
        assertThat(result.replaced()).containsExactlyElementsOf(before);
        assertThat(elasticsearch.indices().getAlias(a -> a.name("articles")).aliases().keySet()).containsExactly(result.index());
        for (String old : before) {
            assertThat(elasticsearch.indices().exists(e -> e.index(old)).value()).isFalse();
        }
        assertThat(search("q=" + marker).get("total").asLong()).isEqualTo(6);
        assertThat(ids("q=padma setu")).first().isEqualTo(bridge);
    }

    private JsonNode search(String query) {
        return http.get().uri("/api/v1/search?" + query).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        search(query).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private List<String> suggestions(String typed) {
        JsonNode answer = http.get().uri("/api/v1/search/suggest?q={q}", typed).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        List<String> headlines = new ArrayList<>();
        answer.get("items").forEach(item -> headlines.add(item.get("headline").asString()));
        return headlines;
    }

    private double outcome(String outcome) {
        return meters.get("prokash.search.index").tag("outcome", outcome).counter().count();
    }

    private Article article(String id, String headline, String summary, String body, String section, List<String> tags,
            String byline, int daysAgo) {
        Article a = TestArticles.article(id, 1, headline, summary, body + " " + marker, section, tags,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(6)).minusDays(daysAgo).withNano(0));
        return new Article(a.id(), 1, a.status(), a.headline(), null, a.summary(), a.bodyHtml(), a.bodyText(), section,
                tags, byline, a.edition(), "bn", a.publishedAt(), a.updatedAt(), a.leadImage(), a.source(), a.slug(), a.url());
    }

    private void send(Article article) {
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(),
                    EventCodec.encode(new ArticlePublished(article.id(), 1, Instant.now(), article)))).get();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
