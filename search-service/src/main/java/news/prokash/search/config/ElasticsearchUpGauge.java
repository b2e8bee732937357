package news.prokash.search.config;

import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code prokash.search.elasticsearch.up}: 1 while the cluster answers and is not red, else 0. Checked
 * on a schedule rather than at scrape time, so a hanging cluster never stalls a Prometheus scrape;
 * the alert SearchUnavailable then fires before readers notice.
 */
@Component
class ElasticsearchUpGauge {

    private final ElasticsearchClient client;
    private final AtomicInteger up = new AtomicInteger();

    ElasticsearchUpGauge(ElasticsearchClient client, MeterRegistry registry) {
        this.client = client;
        Gauge.builder("prokash.search.elasticsearch.up", up, AtomicInteger::get)
                .description("1 while Elasticsearch answers and its cluster is not red")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${prokash.search.elasticsearch-check-every:5s}")
    void check() {
        try {
            up.set(client.cluster().health().status() == HealthStatus.Red ? 0 : 1);
        }
        catch (Exception unreachable) {
            up.set(0);
        }
    }
}
