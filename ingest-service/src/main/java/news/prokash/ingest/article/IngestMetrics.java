package news.prokash.ingest.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code prokash.ingest.articles{outcome}}: accepted (on the log), rejected (bad request, 4xx),
 * failed (Kafka or a bug, 5xx). Registered up front so every outcome reads 0 before it first happens.
 */
@Component
class IngestMetrics {

    static final String ARTICLES = "prokash.ingest.articles";

    private final Counter accepted;
    private final Counter rejected;
    private final Counter failed;

    IngestMetrics(MeterRegistry registry) {
        this.accepted = counter(registry, "accepted");
        this.rejected = counter(registry, "rejected");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(ARTICLES)
                .description("Articles sent to ingest, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void failed() {
        failed.increment();
    }
}
