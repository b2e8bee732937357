package news.prokash.ranking.popular;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code kafkaStreams}, part of readiness: UP once Kafka Streams has restored its state and runs.
 * A rebalance after that stays UP (the lists are served from the last good merge, with their age), so a
 * scale-out never takes every instance out of the load balancer at once; before the first RUNNING
 * (restoring the changelogs) and after an error it is DOWN.
 */
@Component("kafkaStreamsHealthIndicator")
class KafkaStreamsHealth implements HealthIndicator {

    private final RankingStores stores;

    private volatile boolean hasRun;

    KafkaStreamsHealth(RankingStores stores) {
        this.stores = stores;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = stores.state();
        if (state == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
        boolean up = state == KafkaStreams.State.RUNNING || (state == KafkaStreams.State.REBALANCING && hasRun);
        return (up ? Health.up() : Health.down()).withDetail("state", state == null ? "NOT_STARTED" : state.name())
                .build();
    }
}
