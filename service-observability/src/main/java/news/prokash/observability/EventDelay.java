package news.prokash.observability;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;

/**
 * How long after the editor's change (the event's {@code occurredAt}) a consumer finished with it: the
 * platform's freshness as readers feel it. One timer per event type, with a percentile histogram and the
 * buckets the delay alerts and dashboards read (1, 2, 5, 10, 30, 60, 300 s).
 */
public final class EventDelay {

    private static final Duration[] SLO = { Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5) };

    private final Timer published;
    private final Timer updated;
    private final Timer unpublished;
    private final Timer deleted;
    private final Clock clock;

    public EventDelay(MeterRegistry registry, String name, String description, Clock clock) {
        this.published = timer(registry, name, description, "published");
        this.updated = timer(registry, name, description, "updated");
        this.unpublished = timer(registry, name, description, "unpublished");
        this.deleted = timer(registry, name, description, "deleted");
        this.clock = clock;
    }

    private static Timer timer(MeterRegistry registry, String name, String description, String event) {
        return Timer.builder(name)
                .description(description)
                .tag("event", event)
                .publishPercentileHistogram()
                .serviceLevelObjectives(SLO)
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** Records now − occurredAt; a clock behind the producer's counts as no delay rather than a negative one. */
    public void record(ArticleEvent event) {
        Duration delay = Duration.between(event.occurredAt(), clock.instant());
        Timer timer = switch (event) {
            case ArticlePublished ignored -> published;
            case ArticleUpdated ignored -> updated;
            case ArticleUnpublished ignored -> unpublished;
            case ArticleDeleted ignored -> deleted;
        };
        timer.record(delay.isNegative() ? Duration.ZERO : delay);
    }
}
