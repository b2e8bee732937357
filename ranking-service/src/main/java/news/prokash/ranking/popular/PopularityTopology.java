package news.prokash.ranking.popular;

import java.util.Map;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.Topics;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The ranking topology, free of Spring so that {@code TopologyTestDriver} runs exactly what the
 * binder runs:
 *
 * <pre>
 * articles ──(ArticleSummaryUpdater)──▶ global store article-summaries   (every instance, every article)
 * views ──▶ decode-views ──┬─ readable ──▶ group by article ──▶ count ──▶ store view-counts (changelogged)
 *                          └─ unreadable ─▶ views DLQ (original bytes + kafka_dlt-* headers)
 * </pre>
 *
 * Windowed counts and per-visitor dedup hang off {@link #readableViews}: each is one more
 * aggregation of that stream into its own store, the all-time count stays as it is.
 */
final class PopularityTopology {

    static final String ARTICLE_SUMMARIES = "article-summaries";

    static final String VIEW_COUNTS = "view-counts";

    static final String VIEWS_DEAD_LETTER = Topics.deadLetter(Topics.VIEWS, "ranking-service");

    private PopularityTopology() {
    }

    /** The whole topology on one builder (what the tests drive). */
    static void build(StreamsBuilder builder) {
        addArticleSummaries(builder);
        countViews(builder.stream(Topics.VIEWS, Consumed.with(Serdes.String(), Serdes.ByteArray())));
    }

    /** A global store, not a global table: the store then holds summaries rather than whole events. */
    static void addArticleSummaries(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_SUMMARIES), Serdes.String(),
                        new ArticleSummarySerde())
                        // the articles topic is compacted and already is the store's changelog
                        .withLoggingDisabled(),
                Topics.ARTICLES,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles"),
                ArticleSummaryUpdater::new);
    }

    static void countViews(KStream<String, byte[]> views) {
        KStream<String, ArticleViewed> readable = readableViews(views);
        readable.groupByKey(Grouped.<String, ArticleViewed>keySerde(Serdes.String()).withName("views-by-article"))
                .count(Named.as("count-views"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(VIEW_COUNTS)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long()));
    }

    /**
     * Decodes in the topology rather than in a deserializer, so that the dead-letter routing is part
     * of what the tests drive and the binder's serdes stay plain bytes (which never fail).
     */
    private static KStream<String, ArticleViewed> readableViews(KStream<String, byte[]> views) {
        Map<String, KStream<String, DecodedView>> branches = views
                .processValues(ViewDecoder::new, Named.as("decode-views"))
                .split(Named.as("views-"))
                .branch((articleId, decoded) -> decoded.readable(), Branched.as("readable"))
                .defaultBranch(Branched.as("unreadable"));
        branches.get("views-unreadable")
                .mapValues(DecodedView::raw, Named.as("original-bytes"))
                .to(VIEWS_DEAD_LETTER, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("views-dlq"));
        return branches.get("views-readable").mapValues(DecodedView::view, Named.as("views"));
    }
}
