package news.prokash.ranking.popular;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.observability.ConsumerTracing;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Hands {@link PopularityTopology} to the Kafka Streams binder (application id {@code ranking-service}). */
@Configuration(proxyBeanMethods = false)
class PopularityStreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PopularityStreamsConfiguration.class);

    /** Binding {@code viewCounts-in-0}: the views topic, as raw bytes (decoded in the topology). */
    @Bean
    Consumer<KStream<String, byte[]>> viewCounts(RankingProperties properties, ViewMetrics viewMetrics) {
        return views -> PopularityTopology.countViews(views, properties, viewMetrics);
    }

    /** {@code prokash.ranking.stream.views{outcome}}: what the topology did with each view it read. */
    @Bean
    ViewMetrics viewMetrics(MeterRegistry meters) {
        Map<ViewMetrics.Outcome, Counter> counters = new EnumMap<>(ViewMetrics.Outcome.class);
        for (ViewMetrics.Outcome outcome : ViewMetrics.Outcome.values()) {
            counters.put(outcome, Counter.builder("prokash.ranking.stream.views")
                    .description("Views read from the topic by what the topology did with them")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .register(meters));
        }
        return outcome -> counters.get(outcome).increment();
    }

    /**
     * The binder binds only KStream/KTable/GlobalKTable inputs; the global store with its own
     * processor is added to the same builder before the function runs on it. Leaving the group on
     * close hands a stopped instance's partitions over at once instead of after the session timeout.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer articleSummariesStore(ConsumerTracing tracing) {
        return factoryBean -> {
            factoryBean.setLeaveGroupOnClose(true);
            // A stream thread that dies (e.g. its transaction cannot be aborted while the broker is away) is
            // replaced: under exactly-once the new one resumes from the last commit, stores included. The default,
            // SHUTDOWN_CLIENT, left the instance in ERROR for good after a Kafka restart (fault suite).
            factoryBean.setStreamsUncaughtExceptionHandler(failure -> {
                log.error("A Kafka Streams thread failed; replacing it (it resumes from the last commit)", failure);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    PopularityTopology.addArticleSummaries(builder, tracing);
                }
            });
        };
    }
}
