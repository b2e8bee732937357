package news.prokash.ranking.popular;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class KafkaStreamsHealthTests {

    private final RankingStores stores = mock(RankingStores.class);

    private final KafkaStreamsHealth health = new KafkaStreamsHealth(stores);

    @Test
    void isReadyOnlyOnceTheStateIsRestoredAndStaysReadyThroughALaterRebalance() {
        assertThat(statusIn(null)).isEqualTo(Status.DOWN);
        assertThat(statusIn(State.REBALANCING)).as("restoring the changelogs at start").isEqualTo(Status.DOWN);
        assertThat(statusIn(State.RUNNING)).isEqualTo(Status.UP);
        assertThat(statusIn(State.REBALANCING)).as("a scale-out: the last good lists are served").isEqualTo(Status.UP);
        assertThat(statusIn(State.ERROR)).isEqualTo(Status.DOWN);
        assertThat(statusIn(State.PENDING_SHUTDOWN)).isEqualTo(Status.DOWN);
    }

    private Status statusIn(State state) {
        given(stores.state()).willReturn(state);
        return health.health().getStatus();
    }
}
