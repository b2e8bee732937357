package news.prokash.search.config;

import java.util.function.BiFunction;

import news.prokash.search.indexing.IndexingMetrics;
import news.prokash.search.indexing.SearchIndexUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead-lettering live in the listener container, not in the binding: the container
 * re-seeks and polls between attempts, so a back-off never holds the consumer past
 * {@code max.poll.interval.ms}. Only "Elasticsearch unavailable" is retried (back-off from the
 * binding's {@code max-attempts}/{@code back-off-*} properties); everything else, an undecodable
 * event first of all, goes to the binding's dead-letter topic at once.
 */
@Configuration(proxyBeanMethods = false)
class ArticleBindingErrorHandling {

    /** Dead letters are the original key and value bytes, untouched. */
    @Bean
    ProducerFactory<byte[], byte[]> deadLetterProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(ProducerFactory<byte[], byte[]> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer containerErrorHandling(KafkaTemplate<byte[], byte[]> deadLetterTemplate,
            IndexingMetrics metrics) {
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group,
                    @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    @Nullable BackOff backOff) {
                if (dlqDestinationResolver == null) {
                    throw new IllegalStateException("enable-dlq must be set on the binding of " + destinationName);
                }
                var deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate, dlqDestinationResolver);
                var handler = new DefaultErrorHandler((record, exception) -> {
                    deadLetters.accept(record, exception);
                    metrics.deadLettered();
                }, backOff != null ? backOff : new FixedBackOff(0, 0));
                handler.defaultFalse();
                handler.addRetryableExceptions(SearchIndexUnavailableException.class);
                container.setCommonErrorHandler(handler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }
}
