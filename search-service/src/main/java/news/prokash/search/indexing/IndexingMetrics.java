package news.prokash.search.indexing;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.prokash.contracts.ArticleEvent;
import news.prokash.observability.EventDelay;
import news.prokash.observability.OutcomeTimer;
import org.springframework.stereotype.Component;

/**
 * {@code prokash.search.index}: what became of each consumed article event, by {@code outcome};
 * {@code prokash.search.searchable.delay}: the editor's change → its document written;
 * {@code prokash.search.bulk}: each bulk request's latency by {@code outcome} (success, partial, failed).
 */
@Component
public class IndexingMetrics {

    static final String METER = "prokash.search.index";

    private final Counter indexed;
    private final Counter stale;
    private final Counter failed;
    private final Counter deadLettered;
    private final EventDelay searchable;
    private final Map<String, Timer> bulk;

    IndexingMetrics(MeterRegistry registry) {
        this.searchable = new EventDelay(registry, "prokash.search.searchable.delay",
                "event occurredAt to its document written to Elasticsearch", Clock.systemUTC());
        this.bulk = Map.of("success", bulkTimer(registry, "success"), "partial", bulkTimer(registry, "partial"),
                "failed", bulkTimer(registry, "failed"));
        this.indexed = counter(registry, "indexed", "written to the index");
        this.stale = counter(registry, "stale", "ignored: the index already holds this or a newer version");
        this.failed = counter(registry, "failed", "an indexing attempt failed (retried while Elasticsearch is unavailable, else dead-lettered)");
        this.deadLettered = counter(registry, "dead-lettered", "sent to the dead-letter topic");
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(METER).tag("outcome", outcome).description(description).register(registry);
    }

    private static Timer bulkTimer(MeterRegistry registry, String outcome) {
        return OutcomeTimer.register(registry, "prokash.search.bulk", outcome,
                "Elasticsearch bulk requests of the article consumer (partial: some items refused)");
    }

    void indexed(ArticleEvent event) {
        indexed.increment();
        searchable.record(event);
    }

    void bulk(String outcome, long nanos) {
        bulk.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    void stale() {
        stale.increment();
    }

    void failed(int events) {
        failed.increment(events);
    }

    public void deadLettered() {
        deadLettered.increment();
    }
}
