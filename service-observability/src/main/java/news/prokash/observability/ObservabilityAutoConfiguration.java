package news.prokash.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Every service gets a {@link ConsumerTracing}: a real one when Micrometer Tracing is configured, else NONE. */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Bean
    ConsumerTracing consumerTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == Tracer.NOOP ? ConsumerTracing.NONE : new MicrometerConsumerTracing(t, p);
    }
}
