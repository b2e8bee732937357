package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.function.Function;

import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Interactive queries over this instance's stores. Any {@link InvalidStateStoreException}, when the
 * store is looked up or while it is read, becomes {@link RankingUnavailableException} (503).
 */
@Component
class RankingStores {

    private final InteractiveQueryService queries;

    private final Duration retryAfter;

    RankingStores(InteractiveQueryService queries, RankingProperties properties) {
        this.queries = queries;
        this.retryAfter = properties.retryAfter();
    }

    <T> T read(Function<Stores, T> query) {
        try {
            return query.apply(new Stores(
                    queries.getQueryableStore(PopularityTopology.VIEW_COUNTS, QueryableStoreTypes.keyValueStore()),
                    queries.getQueryableStore(PopularityTopology.ARTICLE_SUMMARIES,
                            QueryableStoreTypes.keyValueStore())));
        }
        catch (InvalidStateStoreException e) {
            throw new RankingUnavailableException(retryAfter, e);
        }
    }

    /** @param viewCounts the counts of this instance's partitions (all of them while it runs alone) */
    record Stores(ReadOnlyKeyValueStore<String, Long> viewCounts,
            ReadOnlyKeyValueStore<String, ArticleSummary> articleSummaries) {
    }
}
