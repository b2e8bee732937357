package news.prokash.ranking.popular;

import java.time.Clock;
import java.time.Duration;

import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * While Kafka Streams starts or rebalances its stores cannot be queried: callers get 503 with
 * Retry-After, never a 500. (A state the integration test cannot hold still, hence a mock here.)
 */
class RankingStoresTests {

    private final InteractiveQueryService queries = mock(InteractiveQueryService.class);

    private final RankingStores stores = new RankingStores(queries,
            new RankingProperties(Duration.ofSeconds(10), Duration.ofSeconds(5)));

    @Test
    void shouldAnswerServiceUnavailableWithRetryAfterWhileAStoreCannotBeFound() {
        given(queries.getQueryableStore(anyString(), any())).willThrow(new UnknownStateStoreException("starting"));

        assertThatThrownBy(() -> stores.read(s -> s.viewCounts().approximateNumEntries()))
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
        given(queries.getQueryableStore(anyString(), any())).willReturn(migrating);

        assertThatThrownBy(() -> stores.read(s -> s.viewCounts().all()))
                .isInstanceOf(RankingUnavailableException.class);
    }

    @Test
    void shouldTellTheViewIntakeTheCatalogIsUnavailableRatherThanUnknown() {
        given(queries.getQueryableStore(anyString(), any())).willThrow(new StreamsNotStartedException("created"));

        assertThatThrownBy(() -> new ArticleCatalog(stores, Clock.systemUTC()).isListed("a"))
                .isInstanceOf(RankingUnavailableException.class);
    }
}
