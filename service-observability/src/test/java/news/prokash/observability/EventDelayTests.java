package news.prokash.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.prokash.contracts.ArticleDeleted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventDelayTests {

    private static final Instant NOW = Instant.parse("2025-07-13T04:42:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final EventDelay delay = new EventDelay(registry, "prokash.test.delay", "test",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsTheTimeSinceTheEditorsChangeByEventType() {
        delay.record(new ArticleDeleted("a-1", 3, NOW.minusMillis(1500)));

        Timer deleted = registry.get("prokash.test.delay").tag("event", "deleted").timer();
        assertThat(deleted.count()).isEqualTo(1);
        assertThat(deleted.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500.0);
        assertThat(registry.get("prokash.test.delay").tag("event", "published").timer().count())
                .as("every type is registered up front, so dashboards see zeros").isZero();
    }

    @Test
    void aProducerClockAheadOfOursCountsAsNoDelay() {
        delay.record(new ArticleDeleted("a-1", 3, NOW.plus(Duration.ofSeconds(2))));

        Timer deleted = registry.get("prokash.test.delay").tag("event", "deleted").timer();
        assertThat(deleted.count()).isEqualTo(1);
        assertThat(deleted.totalTime(TimeUnit.MILLISECONDS)).isZero();
    }
}
