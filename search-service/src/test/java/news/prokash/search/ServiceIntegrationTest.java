package news.prokash.search;

import news.prokash.harness.Infrastructure;
import news.prokash.harness.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the module's integration tests: the whole service on a real Kafka and a
 * real Elasticsearch (reached through {@link ElasticsearchProxy}, so a test can take it away).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // short waits, so the "Elasticsearch down" test sees many attempts in a few seconds
        "prokash.search.retry.initial=200ms", "prokash.search.retry.max=1s" })
public abstract class ServiceIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.kafka(registry);
        registry.add("spring.elasticsearch.uris", () -> proxy().uri());
    }

    protected static ElasticsearchProxy proxy() {
        return ElasticsearchProxy.to(Infrastructure.elasticsearch().uri());
    }
}
