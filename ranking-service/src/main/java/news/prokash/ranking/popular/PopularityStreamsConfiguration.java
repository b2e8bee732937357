package news.prokash.ranking.popular;

import java.util.function.Consumer;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Hands {@link PopularityTopology} to the Kafka Streams binder (application id {@code ranking-service}). */
@Configuration(proxyBeanMethods = false)
class PopularityStreamsConfiguration {

    /** Binding {@code viewCounts-in-0}: the views topic, as raw bytes (decoded in the topology). */
    @Bean
    Consumer<KStream<String, byte[]>> viewCounts() {
        return PopularityTopology::countViews;
    }

    /**
     * The binder binds only KStream/KTable/GlobalKTable inputs; the global store with its own
     * processor is added to the same builder before the function runs on it.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer articleSummariesStore() {
        return factoryBean -> factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureBuilder(StreamsBuilder builder) {
                PopularityTopology.addArticleSummaries(builder);
            }
        });
    }
}
