package news.prokash.search.search;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.prokash.observability.OutcomeTimer;
import org.springframework.stereotype.Component;

/**
 * {@code prokash.search.queries}: search latency by {@code outcome} — hits, no-hits (a query readers did
 * not find anything for is worth watching on its own) and failed (Elasticsearch unavailable or erring).
 */
@Component
class SearchMetrics {

    private final Timer hits;
    private final Timer noHits;
    private final Timer failed;

    SearchMetrics(MeterRegistry registry) {
        this.hits = timer(registry, "hits");
        this.noHits = timer(registry, "no-hits");
        this.failed = timer(registry, "failed");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return OutcomeTimer.register(registry, "prokash.search.queries", outcome,
                "searches answered, by outcome (bad requests are not counted)");
    }

    void answered(long total, long nanos) {
        (total > 0 ? hits : noHits).record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(long nanos) {
        failed.record(nanos, TimeUnit.NANOSECONDS);
    }
}
