package news.prokash.observability;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** A latency timer for one {@code outcome}, with the percentile histogram (1 ms to 30 s) the p95/p99 panels read. */
public final class OutcomeTimer {

    private OutcomeTimer() {
    }

    public static Timer register(MeterRegistry registry, String name, String outcome, String description) {
        return Timer.builder(name)
                .tag("outcome", outcome)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
