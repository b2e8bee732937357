package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.Topics;
import news.prokash.observability.ConsumerTracing;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The ranking topology, free of Spring so that {@code TopologyTestDriver} runs exactly what the
 * binder runs:
 *
 * <pre>
 * articles ──(ArticleSummaryUpdater)──▶ global store article-summaries   (every instance, every article)
 * views ──▶ decode-views ──┬─ readable ─▶ honest-views ──┬─ known ───▶ hourly count ─▶ store hourly-views
 *  (event time = viewedAt) │  (bots, future, late,        └─ unknown ─▶ hourly count ─▶ store unknown-article-views
 *                          │   dedup via store first-views)
 *                          └─ unreadable ─▶ views DLQ (original bytes + kafka_dlt-* headers)
 * </pre>
 *
 * Every store is keyed by article id on the views topic's partition (no repartition), changelogged.
 * Lists are per-hour tumbling buckets summed at query time ({@link LocalRanking}).
 */
final class PopularityTopology {

    static final String ARTICLE_SUMMARIES = "article-summaries";

    static final String HOURLY_VIEWS = "hourly-views";

    static final String UNKNOWN_ARTICLE_VIEWS = "unknown-article-views";

    static final String FIRST_VIEWS = "first-views";

    static final String VIEWS_DEAD_LETTER = Topics.deadLetter(Topics.VIEWS, "ranking-service");

    static final Duration BUCKET = Duration.ofHours(1);

    /** The longest list (7d) reaches into the bucket that started 7 days and an hour ago; the views topic keeps 8 days. */
    static final Duration RETENTION = Duration.ofDays(8);

    private PopularityTopology() {
    }

    /** The whole topology on one builder (what the tests drive). */
    static void build(StreamsBuilder builder, RankingProperties properties, ViewMetrics metrics) {
        addArticleSummaries(builder, ConsumerTracing.NONE, new CatalogVersion());
        countViews(builder.stream(Topics.VIEWS, Consumed.with(Serdes.String(), Serdes.ByteArray())), properties,
                metrics);
    }

    /** A global store, not a global table: the store then holds summaries rather than whole events. */
    static void addArticleSummaries(StreamsBuilder builder, ConsumerTracing tracing, CatalogVersion catalog) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_SUMMARIES), Serdes.String(),
                        new ArticleSummarySerde())
                        // the articles topic is compacted and already is the store's changelog
                        .withLoggingDisabled(),
                Topics.ARTICLES,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles"),
                () -> new ArticleSummaryUpdater(tracing, catalog));
    }

    static void countViews(KStream<String, byte[]> views, RankingProperties properties, ViewMetrics metrics) {
        BotDetector bots = new BotDetector(properties.botPatterns());
        Map<String, KStream<String, Boolean>> counted = readableViews(views, metrics)
                .processValues(new HonestViewsSupplier(properties, bots, metrics), Named.as("honest-views"))
                .split(Named.as("counted-"))
                .branch((articleId, known) -> known, Branched.as("known"))
                .defaultBranch(Branched.as("unknown"));
        countHourly(counted.get("counted-known"), HOURLY_VIEWS, properties.grace());
        countHourly(counted.get("counted-unknown"), UNKNOWN_ARTICLE_VIEWS, properties.grace());
    }

    /** Brings its own store, so the binder's function (which sees no builder) adds it too. */
    private record HonestViewsSupplier(RankingProperties properties, BotDetector bots, ViewMetrics metrics)
            implements FixedKeyProcessorSupplier<String, ArticleViewed, Boolean> {

        @Override
        public FixedKeyProcessor<String, ArticleViewed, Boolean> get() {
            return new HonestViews(properties.dedupPeriod(), properties.grace(), properties.clockSkew(), bots, metrics);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            Duration dedup = properties.dedupPeriod();
            // the bucket before a view's is read too. No record cache: nearly every key is new, and a
            // cache of them (a sorted map of byte arrays) cost more than the RocksDB reads it saves.
            return Set.of(Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(FIRST_VIEWS, firstViewsRetention(dedup, properties.grace()), dedup,
                            false),
                    Serdes.String(), Serdes.Long()).withCachingDisabled());
        }
    }

    /** The dedup store keeps two periods and the grace: a view within the grace finds its neighbours on both sides. */
    static Duration firstViewsRetention(Duration dedupPeriod, Duration grace) {
        return dedupPeriod.multipliedBy(2).plus(grace);
    }

    private static void countHourly(KStream<String, Boolean> views, String store, Duration grace) {
        views.groupByKey(Grouped.<String, Boolean>keySerde(Serdes.String()).withName(store + "-by-article"))
                .windowedBy(TimeWindows.ofSizeAndGrace(BUCKET, grace))
                .count(Named.as(store + "-count"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(store)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Long())
                        .withRetention(RETENTION));
    }

    /**
     * Decodes in the topology rather than in a deserializer, so that the dead-letter routing is part
     * of what the tests drive and the binder's serdes stay plain bytes (which never fail).
     */
    private static KStream<String, ArticleViewed> readableViews(KStream<String, byte[]> views, ViewMetrics metrics) {
        Map<String, KStream<String, DecodedView>> branches = views
                .processValues(() -> new ViewDecoder(metrics), Named.as("decode-views"))
                .split(Named.as("views-"))
                .branch((articleId, decoded) -> decoded.readable(), Branched.as("readable"))
                .defaultBranch(Branched.as("unreadable"));
        branches.get("views-unreadable")
                .mapValues(DecodedView::raw, Named.as("original-bytes"))
                .to(VIEWS_DEAD_LETTER, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("views-dlq"));
        return branches.get("views-readable").mapValues(DecodedView::view, Named.as("views"));
    }
}
