package news.prokash.article.article;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.ArticleEvent;
import news.prokash.observability.EventDelay;
import org.springframework.stereotype.Component;

/**
 * {@code prokash.articles.events}, one counter per outcome, registered up front so dashboards see zeros;
 * {@code prokash.articles.stored.delay}, the editor's change → committed here.
 */
@Component
class ArticleEventMetrics {

    static final String NAME = "prokash.articles.events";

    private final Counter consumed;

    private final Counter applied;

    private final Counter ignoredStale;

    private final Counter gap;

    private final Counter failed;

    private final Counter deadLettered;

    private final EventDelay stored;

    ArticleEventMetrics(MeterRegistry registry) {
        this.stored = new EventDelay(registry, "prokash.articles.stored.delay",
                "event occurredAt to the change committed in PostgreSQL", Clock.systemUTC());
        this.consumed = counter(registry, "consumed", "events received (every delivery, retries included)");
        this.applied = counter(registry, "applied", "events that changed an article");
        this.ignoredStale = counter(registry, "ignored-stale", "redelivered or older versions, ignored");
        this.gap = counter(registry, "gap", "events applied although versions between the stored one and theirs never came");
        this.failed = counter(registry, "failed", "deliveries that failed (retried, or dead-lettered)");
        this.deadLettered = counter(registry, "dead-lettered", "poison events sent to the dead-letter topic");
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(NAME).tag("outcome", outcome).description(description).register(registry);
    }

    void consumed() {
        consumed.increment();
    }

    void applied(ArticleEvent event) {
        applied.increment();
        stored.record(event);
    }

    void ignoredStale() {
        ignoredStale.increment();
    }

    void gap() {
        gap.increment();
    }

    void failed() {
        failed.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
