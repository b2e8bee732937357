package news.prokash.search.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code prokash.search.index}: what became of each consumed article event, by {@code outcome}. */
@Component
public class IndexingMetrics {

    static final String METER = "prokash.search.index";

    private final Counter indexed;
    private final Counter stale;
    private final Counter failed;
    private final Counter deadLettered;

    IndexingMetrics(MeterRegistry registry) {
        this.indexed = counter(registry, "indexed", "written to the index");
        this.stale = counter(registry, "stale", "ignored: the index already holds this or a newer version");
        this.failed = counter(registry, "failed", "an indexing attempt failed (retried while Elasticsearch is unavailable, else dead-lettered)");
        this.deadLettered = counter(registry, "dead-lettered", "sent to the dead-letter topic");
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(METER).tag("outcome", outcome).description(description).register(registry);
    }

    void indexed() {
        indexed.increment();
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
