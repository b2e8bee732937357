package news.prokash.ranking.popular;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import news.prokash.harness.MovableClock;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * While Kafka Streams starts or rebalances its stores cannot be queried: callers get the last good
 * list with its age, or 503 with Retry-After when there is none yet, never a 500. (States the
 * integration test cannot hold still, hence mocks here.)
 */
class RankingStoresTests {

    private static final HostInfo SELF = new HostInfo("localhost", 8084);

    private static final HostInfo PEER = new HostInfo("localhost", 8085);

    private final KafkaStreams client = mock(KafkaStreams.class);

    private final KafkaStreamsRegistry registry = mock(KafkaStreamsRegistry.class);

    private final RankingStores stores = new RankingStores(mock(InteractiveQueryService.class), registry,
            RankingProperties.defaults(), new SummaryCache());

    /** The binder's factory bean, holding the client (a new one after a restart). */
    private void started() {
        StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
        given(factory.getKafkaStreams()).willReturn(client);
        given(registry.streamsBuilderFactoryBeans()).willReturn(List.of(factory));
    }

    @Test
    void shouldAnswerServiceUnavailableWithRetryAfterWhileAStoreCannotBeFound() {
        started();
        given(client.store(any())).willThrow(new UnknownStateStoreException("starting"));

        assertThatThrownBy(() -> stores.read(ReadOnlyKeyValueStore::approximateNumEntries))
                .isInstanceOfSatisfying(RankingUnavailableException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(e.getBody().getTitle()).isEqualTo("Ranking not ready");
                });
    }

    @Test
    void shouldAnswerServiceUnavailableWhenAStoreMigratesWhileBeingRead() {
        ReadOnlyKeyValueStore<Object, Object> migrating = mock();
        given(migrating.all()).willThrow(new InvalidStateStoreException("rebalancing"));
        started();
        given(client.store(any())).willReturn(migrating);

        assertThatThrownBy(() -> stores.read(ReadOnlyKeyValueStore::all))
                .isInstanceOf(RankingUnavailableException.class);
    }

    @Test
    void shouldAnswerServiceUnavailableBeforeKafkaStreamsStarted() {
        given(registry.streamsBuilderFactoryBeans()).willReturn(List.of());
        assertThatThrownBy(() -> stores.read(ReadOnlyKeyValueStore::approximateNumEntries))
                .isInstanceOf(RankingUnavailableException.class);
        assertThatThrownBy(() -> stores.localPartial(ListKind.POPULAR_24H, Instant.now()))
                .isInstanceOf(RankingUnavailableException.class);
        assertThatThrownBy(stores::assignment).isInstanceOf(RankingUnavailableException.class);
    }

    @Test
    void shouldTellTheViewIntakeTheCatalogIsUnavailableRatherThanUnknown() {
        started();
        given(client.store(any())).willThrow(new StreamsNotStartedException("created"));

        assertThatThrownBy(() -> new ArticleCatalog(stores, Clock.systemUTC()).isListed("a"))
                .isInstanceOf(RankingUnavailableException.class);
    }

    @Test
    void shouldMergeThePartsOfAllInstancesAndServeTheLastGoodListWhileTheyRebalance() {
        Instant start = Instant.parse("2025-07-14T00:30:00Z");
        MovableClock clock = new MovableClock(start);
        RankingStores local = mock(RankingStores.class);
        PeerClient peers = mock(PeerClient.class);
        given(local.self()).willReturn(SELF);
        given(local.retryAfter()).willReturn(Duration.ofSeconds(5));
        // stubbed once, changed through references: rebuilds run on another thread
        AtomicReference<Map<HostInfo, Set<Integer>>> assignment = new AtomicReference<>(
                Map.of(SELF, Set.of(0, 1, 2), PEER, Set.of(3, 4, 5)));
        AtomicReference<Partial> mine = new AtomicReference<>(part(Set.of(0, 1, 2), entry("a", 5)));
        AtomicReference<Partial> theirs = new AtomicReference<>(part(Set.of(3, 4, 5), entry("b", 7)));
        given(local.assignment()).willAnswer(call -> assignment.get());
        given(local.localPartial(any(), any())).willAnswer(call -> mine.get());
        given(peers.partial(any(), any(), any())).willAnswer(call -> theirs.get());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PopularLists lists = new PopularLists(local, peers, clock, RankingProperties.defaults(), registry);
        try {
            PopularLists.Snapshot first = lists.get(ListKind.POPULAR_24H);
            assertThat(first.list().all()).extracting(RankedEntry::id).containsExactly("b", "a");
            assertThat(first.madeAt()).isEqualTo(start);

            // a rebalance: the peer lost partition 5 and this instance has not got it yet
            assignment.set(Map.of(SELF, Set.of(0, 1, 2, 5), PEER, Set.of(3, 4)));
            theirs.set(part(Set.of(3, 4), entry("b", 7)));
            clock.set(start.plusSeconds(3));
            for (int i = 0; i < 5; i++) {
                assertThat(lists.get(ListKind.POPULAR_24H)).isEqualTo(first); // older, never an error
            }
            assertThat(registry.get("prokash.ranking.popular.age").gauge().value())
                    .as("ops see how old the list being served is").isEqualTo(3.0);

            // settled: the next request after a rebuild gets the new list
            mine.set(part(Set.of(0, 1, 2, 5), entry("a", 9)));
            clock.set(start.plusSeconds(6));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lists.get(ListKind.POPULAR_24H)
                    .list().all()).extracting(RankedEntry::id).containsExactly("a", "b"));
        }
        finally {
            lists.destroy();
        }
    }

    @Test
    void shouldAnswerServiceUnavailableWhenThereIsNoListYet() {
        RankingStores local = mock(RankingStores.class);
        given(local.retryAfter()).willReturn(Duration.ofSeconds(5));
        given(local.assignment()).willReturn(Map.of());
        PopularLists lists = new PopularLists(local, mock(PeerClient.class), Clock.systemUTC(),
                RankingProperties.defaults(), new SimpleMeterRegistry());
        try {
            assertThatThrownBy(() -> lists.get(ListKind.TRENDING)).isInstanceOf(RankingUnavailableException.class);
        }
        finally {
            lists.destroy();
        }
    }

    private static Partial part(Set<Integer> partitions, RankedEntry... entries) {
        return Partial.of(partitions, List.of(entries), LocalRanking.DEPTH);
    }

    private static RankedEntry entry(String id, long views) {
        return new RankedEntry(id, "international", Instant.parse("2025-07-13T04:42:00Z"), views, views);
    }
}
