package news.prokash.ranking.popular;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import news.prokash.contracts.Topics;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Interactive queries over this instance's stores, and who holds which partition. Any
 * {@link InvalidStateStoreException}, when a store is looked up or while it is read, becomes
 * {@link RankingUnavailableException} (503).
 */
@Component
class RankingStores {

    private final InteractiveQueryService queries;

    private final KafkaStreamsRegistry registry;

    private final RankingProperties properties;

    private final SummaryCache summaries;

    RankingStores(InteractiveQueryService queries, KafkaStreamsRegistry registry, RankingProperties properties,
            SummaryCache summaries) {
        this.queries = queries;
        this.registry = registry;
        this.properties = properties;
        this.summaries = summaries;
    }

    /**
     * Reads the global store of article summaries (every article, on every instance; {@code get} through the
     * {@link SummaryCache}). Looked up on the current client,
     * not through the binder's query service, which keeps the client it registered at start: after
     * {@link StreamsClientRecovery} started a new one, that one is closed.
     */
    <T> T read(Function<ReadOnlyKeyValueStore<String, ArticleSummary>, T> query) {
        try {
            return query.apply(summaries.over(streams().store(StoreQueryParameters.fromNameAndType(
                    PopularityTopology.ARTICLE_SUMMARIES, QueryableStoreTypes.keyValueStore()))));
        }
        catch (InvalidStateStoreException | IllegalStateException e) {
            throw unavailable(e);
        }
    }

    /**
     * This instance's part of a list: only partitions whose stores answer now (a restoring one is
     * left out, and {@link Partial#partitions()} says so).
     */
    Partial localPartial(ListKind kind, Instant now) {
        KafkaStreams streams = streams();
        Set<Integer> covered = new TreeSet<>();
        List<ReadOnlyWindowStore<String, Long>> stores = new ArrayList<>();
        try {
            for (int partition : localPartitions(streams)) {
                try {
                    ReadOnlyWindowStore<String, Long> hourly = streams.store(StoreQueryParameters.fromNameAndType(
                            PopularityTopology.HOURLY_VIEWS, QueryableStoreTypes.<String, Long>windowStore())
                            .withPartition(partition));
                    ReadOnlyWindowStore<String, Long> unknown = streams.store(StoreQueryParameters.fromNameAndType(
                            PopularityTopology.UNKNOWN_ARTICLE_VIEWS, QueryableStoreTypes.<String, Long>windowStore())
                            .withPartition(partition));
                    stores.add(hourly);
                    stores.add(unknown);
                    covered.add(partition);
                }
                catch (InvalidStateStoreException e) {
                    // restoring or migrating: the merge sees the gap and retries
                }
            }
            return read(summaries -> LocalRanking.partial(kind, covered, stores, summaries, now,
                    properties.trending()));
        }
        catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    /** Every instance with its active views partitions, as the group's last assignment has it. */
    Map<HostInfo, Set<Integer>> assignment() {
        Map<HostInfo, Set<Integer>> hosts = new HashMap<>();
        try {
            for (StreamsMetadata metadata : streams().streamsMetadataForStore(PopularityTopology.HOURLY_VIEWS)) {
                Set<Integer> partitions = new HashSet<>();
                for (TopicPartition tp : metadata.topicPartitions()) {
                    if (tp.topic().equals(Topics.VIEWS)) {
                        partitions.add(tp.partition());
                    }
                }
                hosts.put(metadata.hostInfo(), partitions);
            }
        }
        catch (IllegalStateException e) {
            throw unavailable(e);
        }
        return hosts;
    }

    HostInfo self() {
        return queries.getCurrentHostInfo();
    }

    private static Set<Integer> localPartitions(KafkaStreams streams) {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (tp.topic().equals(Topics.VIEWS)) {
                        partitions.add(tp.partition());
                    }
                }
            }
        }
        return partitions;
    }

    private KafkaStreams streams() {
        KafkaStreams streams = startedStreams();
        if (streams == null) {
            throw unavailable(new IllegalStateException("Kafka Streams has not started"));
        }
        return streams;
    }

    /** Kafka Streams' state, or null before it has started. */
    KafkaStreams.@Nullable State state() {
        KafkaStreams streams = startedStreams();
        return streams == null ? null : streams.state();
    }

    private @Nullable KafkaStreams startedStreams() {
        for (StreamsBuilderFactoryBean factory : registry.streamsBuilderFactoryBeans()) {
            KafkaStreams streams = factory.getKafkaStreams();
            if (streams != null) {
                return streams;
            }
        }
        return null;
    }

    private RankingUnavailableException unavailable(Exception cause) {
        return new RankingUnavailableException(retryAfter(), cause);
    }

    Duration retryAfter() {
        return properties.retryAfter();
    }
}
