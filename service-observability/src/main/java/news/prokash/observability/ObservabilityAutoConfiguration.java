package news.prokash.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every service gets a {@link ConsumerTracing} (a real one when Micrometer Tracing is configured, else
 * NONE), and observed {@code KafkaTemplate}s that never block a send on looking up the cluster id.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Bean
    ConsumerTracing consumerTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == Tracer.NOOP ? ConsumerTracing.NONE : new MicrometerConsumerTracing(t, p);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    static class KafkaTemplateObservation {

        @Bean
        static BeanPostProcessor knownClusterIdOnly(ObjectProvider<KafkaAdmin> admin) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof KafkaTemplate<?, ?> template) {
                        template.setKafkaAdmin(new KnownClusterIdOnly(admin));
                    }
                    return bean;
                }
            };
        }
    }
}
