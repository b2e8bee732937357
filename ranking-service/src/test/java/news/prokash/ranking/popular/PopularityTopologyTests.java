package news.prokash.ranking.popular;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.Edition;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.LeadImage;
import news.prokash.contracts.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PopularityTopologyTests {

    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    private static final Instant NOW = Instant.parse("2025-07-14T00:00:00Z");

    private TopologyTestDriver driver;

    private TestInputTopic<String, byte[]> articles;

    private TestInputTopic<String, byte[]> views;

    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        PopularityTopology.build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranking-service");
        // under target/, not java.io.tmpdir, which Kafka Streams warns about; the driver wipes it on close
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "topology-tests").toAbsolutePath().toString());
        driver = new TopologyTestDriver(builder.build(), config);
        articles = driver.createInputTopic(Topics.ARTICLES, new StringSerializer(), new ByteArraySerializer());
        views = driver.createInputTopic(Topics.VIEWS, new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(PopularityTopology.VIEWS_DEAD_LETTER, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCountViewsPerArticle() {
        publish(article("a", "রাশিয়ার পাশে আছেন কিম জং উন", at(10)));
        publish(article("b", "এক ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ", at(11)));

        view("a", "v1");
        view("a", "v2");
        view("a", "v3");
        view("b", "v1");

        assertThat(counts().get("a")).isEqualTo(3L);
        assertThat(counts().get("b")).isEqualTo(1L);
        assertThat(popular(20)).extracting(PopularArticle::id, PopularArticle::views, PopularArticle::rank)
                .containsExactly(tuple("a", 3L, 1), tuple("b", 1L, 2));
        PopularArticle first = popular(1).getFirst();
        assertThat(first.headline()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
        assertThat(first.section()).isEqualTo("international");
        assertThat(first.url()).isEqualTo("https://prokash.example/international/a");
        assertThat(first.publishedAt()).isEqualTo(at(10));
        assertThat(first.publishedAt().getOffset()).isEqualTo(DHAKA);
        assertThat(first.leadImage()).isNotNull();
    }

    @Test
    void shouldDropUnpublishedAndDeletedArticlesFromTheList() {
        Article a = article("a", "ক", at(10));
        Article b = article("b", "খ", at(10));
        Article c = article("c", "গ", at(10));
        publish(a);
        publish(b);
        publish(c);
        view("a", "v1");
        view("b", "v1");
        view("b", "v2");
        view("c", "v1");
        view("c", "v2");
        view("c", "v3");
        assertThat(popular(20)).extracting(PopularArticle::id).containsExactly("c", "b", "a");

        send(new ArticleUnpublished("b", 2, NOW, b.withStatus(ArticleStatus.UNPUBLISHED, 2, at(12))));
        send(new ArticleDeleted("c", 2, NOW));

        assertThat(popular(20)).extracting(PopularArticle::id).containsExactly("a");
        assertThat(summaries().get("b").status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(summaries().get("c").status()).isEqualTo(ArticleStatus.DELETED);

        // published again (a newer version): back in the list with the views it had
        send(new ArticleUpdated("b", 3, NOW, b.withStatus(ArticleStatus.PUBLISHED, 3, at(13))));
        assertThat(popular(20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("b", 2L), tuple("a", 1L));
    }

    @Test
    void shouldNotRankViewsOfUnknownOrScheduledArticles() {
        publish(article("a", "ক", at(10)));
        publish(article("later", "পরে", OffsetDateTime.ofInstant(NOW.plusSeconds(3600), DHAKA)));

        view("a", "v1");
        view("ghost", "v1");
        view("ghost", "v2");
        view("later", "v1");
        view("later", "v2");

        assertThat(popular(20)).extracting(PopularArticle::id).containsExactly("a");
    }

    @Test
    void shouldRankByViewsThenNewerPublication() {
        publish(article("old", "পুরনো", at(8)));
        publish(article("new", "নতুন", at(12)));
        publish(article("top", "শীর্ষ", at(6)));
        publish(article("one", "এক", at(12)));
        for (String article : List.of("old", "old", "new", "new", "top", "top", "top", "one")) {
            view(article, "visitor");
        }

        assertThat(popular(20)).extracting(PopularArticle::id, PopularArticle::rank)
                .containsExactly(tuple("top", 1), tuple("new", 2),
                        tuple("old", 3), tuple("one", 4));
        assertThat(popular(2)).extracting(PopularArticle::id).containsExactly("top", "new");
    }

    @Test
    void shouldIgnoreArticleEventsOlderThanTheStoredVersion() {
        Article a = article("a", "প্রথম শিরোনাম", at(10));
        publish(a);
        Article v3 = new Article("a", 3, ArticleStatus.PUBLISHED, "তৃতীয় শিরোনাম", null, null, "<p>x</p>", "x",
                "international", List.of(), "ডেস্ক", Edition.ONLINE, "bn", at(10), at(12), null, null, "a",
                "https://prokash.example/international/a");
        send(new ArticleUpdated("a", 3, NOW, v3));
        send(new ArticleUnpublished("a", 2, NOW, a.withStatus(ArticleStatus.UNPUBLISHED, 2, at(11))));
        view("a", "v1");

        assertThat(popular(20)).extracting(PopularArticle::headline).containsExactly("তৃতীয় শিরোনাম");
    }

    @Test
    void shouldSendUnreadableViewsToTheDeadLetterTopicAndCountTheRest() {
        publish(article("a", "ক", at(10)));
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        byte[] futureSchema = "{\"schemaVersion\":2,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T04:42:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] wrongKey = EventCodec.encode(new ArticleViewed("b", "v", NOW, null, null));

        views.pipeInput("a", notJson);
        views.pipeInput("a", futureSchema);
        views.pipeInput("a", wrongKey);
        view("a", "v1");

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::value).containsExactly(notJson, futureSchema, wrongKey);
        Header original = dead.getFirst().headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        assertThat(new String(original.value(), StandardCharsets.UTF_8)).isEqualTo(Topics.VIEWS);
        assertThat(new String(dead.get(1).headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN).value(),
                StandardCharsets.UTF_8)).endsWith("UnsupportedSchemaVersionException");
        assertThat(counts().get("a")).isEqualTo(1L);
    }

    private void publish(Article article) {
        send(new ArticlePublished(article.id(), article.version(), NOW, article));
    }

    private void send(ArticleEvent event) {
        articles.pipeInput(event.articleId(), EventCodec.encode(event));
    }

    private void view(String articleId, String visitorId) {
        views.pipeInput(articleId, EventCodec.encode(new ArticleViewed(articleId, visitorId, NOW, null, "test")));
    }

    private List<PopularArticle> popular(int limit) {
        return PopularRanking.top(counts(), summaries(), NOW, limit);
    }

    private KeyValueStore<String, Long> counts() {
        return driver.getKeyValueStore(PopularityTopology.VIEW_COUNTS);
    }

    private KeyValueStore<String, ArticleSummary> summaries() {
        return driver.getKeyValueStore(PopularityTopology.ARTICLE_SUMMARIES);
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2025, 7, 13, hour, 42, 0, 0, DHAKA);
    }

    private static Article article(String id, String headline, OffsetDateTime publishedAt) {
        return new Article(id, 1, ArticleStatus.PUBLISHED, headline, null, null, "<p>…</p>", "…", "international",
                List.of("উত্তর কোরিয়া"), "কালবেলা ডেস্ক", Edition.ONLINE, "bn", publishedAt, publishedAt,
                new LeadImage("https://images.example.com/" + id + ".jpg", "ছবি", "সংগৃহীত"), null, id,
                "https://prokash.example/international/" + id);
    }
}
