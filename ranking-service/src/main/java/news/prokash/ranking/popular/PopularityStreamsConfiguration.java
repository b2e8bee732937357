package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.observability.ConsumerTracing;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Hands {@link PopularityTopology} to the Kafka Streams binder (application id {@code ranking-service}). */
@Configuration(proxyBeanMethods = false)
class PopularityStreamsConfiguration {

    /**
     * Binding {@code viewCounts-in-0}: the views topic, keys and values as raw bytes (the binder
     * picks the byte-array serdes from the types). Both are read in the topology: decoding each key
     * into a String took 7 % of the stream thread (JFR, 2026-11-28), and only its comparison with the
     * view's article id needs it.
     */
    @Bean
    Consumer<KStream<byte[], byte[]>> viewCounts(RankingProperties properties, ViewMetrics viewMetrics) {
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
     * Failed threads and clients are recovered by {@link StreamsClientRecovery}.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer articleSummariesStore(ConsumerTracing tracing, StreamsClientRecovery recovery,
            SummaryCache catalog) {
        return factoryBean -> {
            factoryBean.setLeaveGroupOnClose(true);
            factoryBean.setStateListener(recovery.watch(restartable(factoryBean)));
            // Not setStreamsUncaughtExceptionHandler: the binder sets its own (SHUTDOWN_CLIENT) on the factory
            // bean when it starts, after the configurers; the customizer runs on every new client after that.
            factoryBean.setKafkaStreamsCustomizer(streams -> streams.setUncaughtExceptionHandler(
                    recovery.threadFailureHandler()));
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    PopularityTopology.addArticleSummaries(builder, tracing, catalog);
                }
            });
        };
    }

    /** The article summaries decoded on this instance, and a count of their changes (the dressed lists' validity). */
    @Bean
    SummaryCache summaryCache() {
        return new SummaryCache();
    }

    /** The popular and trending answers, kept while nothing they show has changed. */
    @Bean
    DressedLists dressedLists(SummaryCache catalog, RankingProperties properties) {
        return new DressedLists(catalog, properties.listRefresh());
    }

    /** A Streams client that ends in ERROR is started anew (see {@link StreamsClientRecovery}). */
    @Bean
    StreamsClientRecovery streamsClientRecovery(MeterRegistry meters) {
        return new StreamsClientRecovery(Duration.ofSeconds(2), Duration.ofMinutes(1), meters);
    }

    private static StreamsClientRecovery.Client restartable(StreamsBuilderFactoryBean factoryBean) {
        return new StreamsClientRecovery.Client() {
            @Override
            public void stop() {
                factoryBean.stop();
                // a client whose start failed half-way is not "running" to the factory bean, but may hold threads
                KafkaStreams leftover = factoryBean.getKafkaStreams();
                if (leftover != null) {
                    leftover.close(Duration.ofSeconds(30));
                }
            }

            @Override
            public void start() {
                factoryBean.start();
            }
        };
    }
}
