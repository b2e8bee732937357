package news.prokash.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Tags every meter with the application, so one dashboard can hold all four services. */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(Environment environment) {
        String application = environment.getProperty("spring.application.name", "ingest-service");
        return registry -> registry.config().commonTags("application", application);
    }
}
