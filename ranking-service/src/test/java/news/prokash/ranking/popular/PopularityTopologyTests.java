package news.prokash.ranking.popular;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

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
import news.prokash.ranking.config.RankingProperties;
import news.prokash.ranking.popular.ViewMetrics.Outcome;
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
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PopularityTopologyTests {

    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    /** Half past midnight: a 1h window cuts the previous hour's bucket in half. */
    private static final Instant NOW = Instant.parse("2025-07-14T00:30:00Z");

    private static final RankingProperties PROPERTIES = RankingProperties.defaults();

    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

    private TopologyTestDriver driver;

    private TestInputTopic<String, byte[]> articles;

    private TestInputTopic<String, byte[]> views;

    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        PopularityTopology.build(builder, PROPERTIES, outcome -> outcomes.merge(outcome, 1, Integer::sum));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranking-service");
        // under target/, not java.io.tmpdir, which Kafka Streams warns about; the driver wipes it on close
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "topology-tests").toAbsolutePath().toString());
        driver = new TopologyTestDriver(builder.build(), config, NOW);
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

        assertThat(popular(ListKind.POPULAR_24H, null, 20))
                .extracting(PopularArticle::id, PopularArticle::views, PopularArticle::rank)
                .containsExactly(tuple("a", 3L, 1), tuple("b", 1L, 2));
        PopularArticle first = popular(ListKind.POPULAR_24H, null, 1).getFirst();
        assertThat(first.headline()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
        assertThat(first.section()).isEqualTo("international");
        assertThat(first.url()).isEqualTo("https://prokash.example/international/a");
        assertThat(first.publishedAt()).isEqualTo(at(10));
        assertThat(first.publishedAt().getOffset()).isEqualTo(DHAKA);
        assertThat(first.leadImage()).isNotNull();
        assertThat(first.acceleration()).isNull();
    }

    @Test
    void shouldCountAVisitorOncePerDedupPeriod() {
        publish(article("a", "ক", at(10)));

        view("a", "v1", NOW.minus(Duration.ofMinutes(50)));
        view("a", "v1", NOW.minus(Duration.ofMinutes(40)));
        view("a", "v1", NOW.minus(Duration.ofMinutes(21))); // 29 minutes after the counted one
        view("a", "v1", NOW.minus(Duration.ofMinutes(19))); // 31 minutes after: counts again
        view("a", "v2", NOW.minus(Duration.ofMinutes(19)));
        view("b-is-not-a", "v1", NOW.minus(Duration.ofMinutes(19)));
        // out of order, within the grace: measured against the counted views on either side
        view("a", "v3", NOW.minus(Duration.ofMinutes(5)));
        view("a", "v3", NOW.minus(Duration.ofMinutes(30))); // 25 minutes before a counted one
        view("a", "v3", NOW.minus(Duration.ofMinutes(40))); // 35 minutes before: counts

        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("a", 5L));
        assertThat(outcomes).containsEntry(Outcome.DUPLICATE, 3).containsEntry(Outcome.COUNTED, 5);
    }

    @Test
    void shouldSumTheHourlyBucketsOfEachWindow() {
        for (String id : List.of("a", "b", "c", "d")) {
            publish(article(id, id, at(1)));
        }
        // in time order, as they would arrive
        visitors("c", 12, NOW.minus(Duration.ofDays(2)));
        visitors("b", 8, NOW.minus(Duration.ofHours(3)));
        visitors("d", 4, Instant.parse("2025-07-13T23:10:00Z")); // the bucket a 1h window cuts in half
        visitors("a", 5, Instant.parse("2025-07-14T00:20:00Z"));

        assertThat(popular(ListKind.POPULAR_1H, null, 20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("a", 5L), tuple("d", 2L));
        assertThat(popular(ListKind.POPULAR_6H, null, 20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("b", 8L), tuple("a", 5L), tuple("d", 4L));
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id)
                .containsExactly("b", "a", "d");
        assertThat(popular(ListKind.POPULAR_7D, null, 20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("c", 12L), tuple("b", 8L), tuple("a", 5L), tuple("d", 4L));
    }

    @Test
    void shouldCountLateViewsWithinTheGraceInTheirHourAndDropTheRest() {
        publish(article("a", "ক", at(1)));
        view("a", "now", NOW);

        view("a", "late", Instant.parse("2025-07-13T23:50:00Z")); // 40 minutes late, grace is an hour
        view("a", "too-late", NOW.minus(Duration.ofMinutes(61)));
        view("a", "from-the-future", NOW.plus(Duration.ofMinutes(10)));
        view("a", "clock-a-little-ahead", NOW.plus(Duration.ofMinutes(1)));

        assertThat(bucket("a", Instant.parse("2025-07-13T23:00:00Z"))).isEqualTo(1L);
        assertThat(bucket("a", Instant.parse("2025-07-14T00:00:00Z"))).isEqualTo(2L);
        assertThat(outcomes).containsEntry(Outcome.LATE, 1).containsEntry(Outcome.FUTURE, 1);
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::views).containsExactly(3L);
    }

    @Test
    void shouldDropBots() {
        publish(article("a", "ক", at(1)));
        view("a", "v1");
        views.pipeInput("a", EventCodec.encode(new ArticleViewed("a", "crawler", NOW, null,
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")), NOW);

        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::views).containsExactly(1L);
        assertThat(outcomes).containsEntry(Outcome.BOT, 1);
    }

    @Test
    void shouldDropUnpublishedAndDeletedArticlesFromEveryList() {
        Article a = article("a", "ক", at(10));
        Article b = article("b", "খ", at(10));
        Article c = article("c", "গ", at(10));
        publish(a);
        publish(b);
        publish(c);
        visitors("a", 1, NOW);
        visitors("b", 2, NOW);
        visitors("c", 3, NOW);
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id)
                .containsExactly("c", "b", "a");
        Partial before = partial(ListKind.POPULAR_1H);

        send(new ArticleUnpublished("b", 2, NOW, b.withStatus(ArticleStatus.UNPUBLISHED, 2, at(12))));
        send(new ArticleDeleted("c", 2, NOW));

        for (ListKind kind : List.of(ListKind.POPULAR_1H, ListKind.POPULAR_6H, ListKind.POPULAR_24H, ListKind.POPULAR_7D)) {
            assertThat(popular(kind, null, 20)).extracting(PopularArticle::id).containsExactly("a");
        }
        // a list made before the takedown no longer shows them either: dressing reads the catalog
        assertThat(dress(before, null, 20)).extracting(PopularArticle::id).containsExactly("a");

        // published again (a newer version): back in the list with the views it had
        send(new ArticleUpdated("b", 3, NOW, b.withStatus(ArticleStatus.PUBLISHED, 3, at(13))));
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("b", 2L), tuple("a", 1L));
    }

    @Test
    void shouldShowEditedHeadlinesAtOnce() {
        Article a = article("a", "প্রথম শিরোনাম", at(10));
        publish(a);
        view("a", "v1");
        Partial made = partial(ListKind.POPULAR_24H);

        send(new ArticleUpdated("a", 2, NOW, new Article("a", 2, ArticleStatus.PUBLISHED, "নতুন শিরোনাম", null, null,
                "<p>x</p>", "x", "international", List.of(), "ডেস্ক", Edition.ONLINE, "bn", at(10), at(12), null,
                null, "a", "https://prokash.example/international/a")));

        assertThat(dress(made, null, 20)).extracting(PopularArticle::headline).containsExactly("নতুন শিরোনাম");
    }

    @Test
    void shouldKeepViewsOfUnknownArticlesApartAndNotRankScheduledOnes() {
        publish(article("a", "ক", at(10)));
        publish(article("later", "পরে", OffsetDateTime.ofInstant(NOW.plusSeconds(3600), DHAKA)));

        view("a", "v1");
        view("ghost", "v1");
        view("ghost", "v2");
        view("later", "v1");
        view("later", "v2");

        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id).containsExactly("a");
        assertThat(outcomes).containsEntry(Outcome.UNKNOWN_ARTICLE, 2);
        assertThat(bucket("ghost", Instant.parse("2025-07-14T00:00:00Z"))).isNull();
        assertThat(unknownBucket("ghost", Instant.parse("2025-07-14T00:00:00Z"))).isEqualTo(2L);

        // the intake knew it before this instance's catalog did: once known, its views count
        publish(article("ghost", "ভূত", at(9)));
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id, PopularArticle::views)
                .containsExactly(tuple("ghost", 2L), tuple("a", 1L));
    }

    @Test
    void shouldListEachSection() {
        publish(article("a", "ক", at(10), "sports"));
        publish(article("b", "খ", at(10), "international"));
        publish(article("c", "গ", at(10), "sports"));
        visitors("a", 3, NOW);
        visitors("b", 5, NOW);
        visitors("c", 1, NOW);

        assertThat(popular(ListKind.POPULAR_24H, "sports", 20))
                .extracting(PopularArticle::id, PopularArticle::rank, PopularArticle::section)
                .containsExactly(tuple("a", 1, "sports"), tuple("c", 2, "sports"));
        assertThat(popular(ListKind.POPULAR_24H, "international", 20)).extracting(PopularArticle::id)
                .containsExactly("b");
        assertThat(popular(ListKind.POPULAR_24H, "nothing-here", 20)).isEmpty();
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id)
                .containsExactly("b", "a", "c");
    }

    @Test
    void shouldRankByViewsThenNewerPublication() {
        publish(article("old", "পুরনো", at(8)));
        publish(article("new", "নতুন", at(12)));
        publish(article("top", "শীর্ষ", at(6)));
        publish(article("one", "এক", at(12)));
        visitors("old", 2, NOW);
        visitors("new", 2, NOW);
        visitors("top", 3, NOW);
        visitors("one", 1, NOW);

        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id, PopularArticle::rank)
                .containsExactly(tuple("top", 1), tuple("new", 2), tuple("old", 3), tuple("one", 4));
        assertThat(popular(ListKind.POPULAR_24H, null, 2)).extracting(PopularArticle::id)
                .containsExactly("top", "new");
    }

    @Test
    void shouldRankRisingStoriesFirstInTrending() {
        publish(article("steady", "স্থির", at(1)));
        publish(article("rising", "উঠতি", at(1)));
        publish(article("trickle", "অল্প", at(1)));
        // seven hours, oldest first: the steady story 15 an hour, the rising one 1 an hour until now
        for (int hoursAgo = 7; hoursAgo >= 1; hoursAgo--) {
            Instant hour = NOW.minus(Duration.ofHours(hoursAgo));
            visitors("steady", 15, hour, "s" + hoursAgo + "-");
            visitors("rising", 1, hour, "r" + hoursAgo + "-");
        }
        visitors("steady", 15, NOW, "s0-");
        visitors("rising", 20, NOW, "r0-");
        visitors("trickle", 5, NOW, "t0-"); // from nothing, but below the minimum volume

        List<PopularArticle> trending = popular(ListKind.TRENDING, null, 20);
        assertThat(trending).extracting(PopularArticle::id).containsExactly("rising", "steady");
        // rising: about 20 in the last hour over a baseline of 1 an hour (+5 damping); steady: about 1
        assertThat(trending.getFirst().acceleration()).isGreaterThan(3.0);
        assertThat(trending.get(1).acceleration()).isBetween(0.5, 1.5);
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::id)
                .containsExactly("steady", "rising", "trickle");
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

        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::headline)
                .containsExactly("তৃতীয় শিরোনাম");
    }

    @Test
    void shouldSendUnreadableViewsToTheDeadLetterTopicAndCountTheRest() {
        publish(article("a", "ক", at(10)));
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        byte[] futureSchema = "{\"schemaVersion\":2,\"articleId\":\"a\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T04:42:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] wrongKey = EventCodec.encode(new ArticleViewed("b", "v", NOW, null, null));

        views.pipeInput("a", notJson, NOW);
        views.pipeInput("a", futureSchema, NOW);
        views.pipeInput("a", wrongKey, NOW);
        view("a", "v1");

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::value).containsExactly(notJson, futureSchema, wrongKey);
        Header original = dead.getFirst().headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        assertThat(new String(original.value(), StandardCharsets.UTF_8)).isEqualTo(Topics.VIEWS);
        assertThat(new String(dead.get(1).headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN).value(),
                StandardCharsets.UTF_8)).endsWith("UnsupportedSchemaVersionException");
        assertThat(popular(ListKind.POPULAR_24H, null, 20)).extracting(PopularArticle::views).containsExactly(1L);
        assertThat(outcomes).containsEntry(Outcome.DEAD_LETTERED, 3).containsEntry(Outcome.COUNTED, 1);
    }

    private void publish(Article article) {
        send(new ArticlePublished(article.id(), article.version(), NOW, article));
    }

    private void send(ArticleEvent event) {
        articles.pipeInput(event.articleId(), EventCodec.encode(event));
    }

    private void view(String articleId, String visitorId) {
        view(articleId, visitorId, NOW);
    }

    /** The record's own timestamp says "now" (when it was produced); the topology must go by viewedAt. */
    private void view(String articleId, String visitorId, Instant viewedAt) {
        views.pipeInput(articleId, EventCodec.encode(new ArticleViewed(articleId, visitorId, viewedAt, null,
                "Mozilla/5.0 (Linux; Android 14) Chrome/126")), NOW);
    }

    private void visitors(String articleId, int count, Instant viewedAt) {
        visitors(articleId, count, viewedAt, "visitor-");
    }

    private void visitors(String articleId, int count, Instant viewedAt, String prefix) {
        for (int i = 0; i < count; i++) {
            view(articleId, prefix + i, viewedAt);
        }
    }

    private Partial partial(ListKind kind) {
        return LocalRanking.partial(kind, Set.of(0), List.of(hourly(), unknown()), summaries(), NOW,
                PROPERTIES.trending());
    }

    private List<PopularArticle> popular(ListKind kind, @Nullable String section, int limit) {
        return PopularRanking.dress(partial(kind), section, kind == ListKind.TRENDING, summaries(), NOW, limit);
    }

    private List<PopularArticle> dress(Partial list, @Nullable String section, int limit) {
        return PopularRanking.dress(list, section, false, summaries(), NOW, limit);
    }

    private @Nullable Long bucket(String articleId, Instant start) {
        return fetch(hourly(), articleId, start);
    }

    private @Nullable Long unknownBucket(String articleId, Instant start) {
        return fetch(unknown(), articleId, start);
    }

    private static @Nullable Long fetch(WindowStore<String, Long> store, String articleId, Instant start) {
        try (WindowStoreIterator<Long> buckets = store.fetch(articleId, start, start)) {
            return buckets.hasNext() ? buckets.next().value : null;
        }
    }

    private WindowStore<String, Long> hourly() {
        return driver.getWindowStore(PopularityTopology.HOURLY_VIEWS);
    }

    private WindowStore<String, Long> unknown() {
        return driver.getWindowStore(PopularityTopology.UNKNOWN_ARTICLE_VIEWS);
    }

    private KeyValueStore<String, ArticleSummary> summaries() {
        return driver.getKeyValueStore(PopularityTopology.ARTICLE_SUMMARIES);
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2025, 7, 13, hour, 42, 0, 0, DHAKA);
    }

    private static Article article(String id, String headline, OffsetDateTime publishedAt) {
        return article(id, headline, publishedAt, "international");
    }

    private static Article article(String id, String headline, OffsetDateTime publishedAt, String section) {
        return new Article(id, 1, ArticleStatus.PUBLISHED, headline, null, null, "<p>…</p>", "…", section,
                List.of("উত্তর কোরিয়া"), "কালবেলা ডেস্ক", Edition.ONLINE, "bn", publishedAt, publishedAt,
                new LeadImage("https://images.example.com/" + id + ".jpg", "ছবি", "সংগৃহীত"), null, id,
                "https://prokash.example/" + section + "/" + id);
    }
}
