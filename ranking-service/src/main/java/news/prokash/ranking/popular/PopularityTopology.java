package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.Set;

import news.prokash.contracts.Topics;
import news.prokash.observability.ConsumerTracing;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;

/**
 * The ranking topology, free of Spring so that {@code TopologyTestDriver} runs exactly what the
 * binder runs:
 *
 * <pre>
 * articles ──(ArticleSummaryUpdater)──▶ global store article-summaries   (every instance, every article)
 * views ──▶ honest-views: decode (event time = viewedAt); drop bots, future, late; dedup (CountedReaders,
 *            │   journal first-view-chunks); count per article and hour: known ─▶ store hourly-views,
 *            │                                                           unknown ─▶ store unknown-article-views
 *            │   (in memory, written every 200 ms and before each commit: store honest-views-commit-hook)
 *            └─ unreadable ─▶ views DLQ (original bytes + kafka_dlt-* headers)
 * </pre>
 *
 * Every store is keyed by article id on the views topic's partition (no repartition), changelogged.
 * Lists are per-hour tumbling buckets summed at query time ({@link LocalRanking}).
 */
final class PopularityTopology {

    static final String ARTICLE_SUMMARIES = "article-summaries";

    static final String HOURLY_VIEWS = "hourly-views";

    static final String UNKNOWN_ARTICLE_VIEWS = "unknown-article-views";

    /** Renamed from {@code first-views} when it became a journal of chunks: the old changelog's records do not fit. */
    static final String FIRST_VIEW_CHUNKS = "first-view-chunks";

    /** Holds nothing: runs honest-views' pending writes before each commit ({@link CommitHook}). */
    static final String COMMIT_HOOK = "honest-views-commit-hook";

    static final String VIEWS_DEAD_LETTER = Topics.deadLetter(Topics.VIEWS, "ranking-service");

    static final Duration BUCKET = Duration.ofHours(1);

    /** The longest list (7d) reaches into the bucket that started 7 days and an hour ago; the views topic keeps 8 days. */
    static final Duration RETENTION = Duration.ofDays(8);

    private PopularityTopology() {
    }

    /** The whole topology on one builder (what the tests drive). */
    static void build(StreamsBuilder builder, RankingProperties properties, ViewMetrics metrics) {
        addArticleSummaries(builder, ConsumerTracing.NONE, new SummaryCache());
        countViews(builder.stream(Topics.VIEWS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())), properties,
                metrics);
    }

    /** A global store, not a global table: the store then holds summaries rather than whole events. */
    static void addArticleSummaries(StreamsBuilder builder, ConsumerTracing tracing, SummaryCache catalog) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_SUMMARIES), Serdes.String(),
                        new ArticleSummarySerde())
                        // the articles topic is compacted and already is the store's changelog
                        .withLoggingDisabled(),
                Topics.ARTICLES,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles"),
                () -> new ArticleSummaryUpdater(tracing, catalog));
    }

    static void countViews(KStream<byte[], byte[]> views, RankingProperties properties, ViewMetrics metrics) {
        BotDetector bots = new BotDetector(properties.botPatterns());
        // honest-views forwards only what it cannot read: the original bytes, with dead-letter headers
        views.processValues(new HonestViewsSupplier(properties, bots, metrics), Named.as("honest-views"))
                .to(VIEWS_DEAD_LETTER, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("views-dlq"));
    }

    /** Brings its own stores, so the binder's function (which sees no builder) adds them too. */
    private record HonestViewsSupplier(RankingProperties properties, BotDetector bots, ViewMetrics metrics)
            implements FixedKeyProcessorSupplier<byte[], byte[], byte[]> {

        @Override
        public FixedKeyProcessor<byte[], byte[], byte[]> get() {
            return new HonestViews(properties.dedupPeriod(), properties.grace(), properties.clockSkew(), bots, metrics);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            Duration dedup = properties.dedupPeriod();
            // the record cache merges a chunk's writes, and an article's, into one changelog record per commit
            return Set.of(
                    Stores.windowStoreBuilder(
                            Stores.persistentWindowStore(FIRST_VIEW_CHUNKS,
                                    firstViewsRetention(dedup, properties.grace()), dedup, false),
                            Serdes.Long(), Serdes.ByteArray()).withCachingEnabled(),
                    hourlyCounts(HOURLY_VIEWS), hourlyCounts(UNKNOWN_ARTICLE_VIEWS), CommitHook.builder(COMMIT_HOOK));
        }
    }

    /**
     * The store a DSL {@code windowedBy(1 h).count()} materializes under this name (timestamped,
     * cached, changelogged with the window retention), so the lists read it and restore it as before.
     */
    private static StoreBuilder<TimestampedWindowStore<String, Long>> hourlyCounts(String name) {
        return Stores.timestampedWindowStoreBuilder(
                Stores.persistentTimestampedWindowStore(name, RETENTION, BUCKET, false), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    /** The dedup store keeps two periods and the grace: a view within the grace finds its neighbours on both sides. */
    static Duration firstViewsRetention(Duration dedupPeriod, Duration grace) {
        return dedupPeriod.multipliedBy(2).plus(grace);
    }
}
