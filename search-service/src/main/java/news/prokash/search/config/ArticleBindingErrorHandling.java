package news.prokash.search.config;

import java.util.function.BiFunction;

import news.prokash.search.indexing.IndexingMetrics;
import news.prokash.search.indexing.SearchIndexUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries and dead-lettering live in the listener container, not in the binding.
 *
 * <ul>
 * <li>Elasticsearch unavailable ({@link SearchIndexUnavailableException}, thrown for the whole
 * batch): retried <em>without end</em>, the wait doubling up to {@code prokash.search.retry.max}. The
 * batch handler pauses the partitions and keeps polling during the wait, so the consumer stays in
 * its group (no {@code max.poll.interval.ms} breach, no rebalance) and catches up when Elasticsearch
 * returns. No event is ever dead-lettered for an outage.</li>
 * <li>An event that can never be indexed (undecodable, refused by Elasticsearch) comes as a
 * {@link BatchListenerFailedException} naming its position: the events before it are committed, it
 * goes to the binding's dead-letter topic at once (original key and value bytes, the reason in the
 * {@code kafka_dlt-exception-*} headers), and the rest of the batch is polled again.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ArticleBindingErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ArticleBindingErrorHandling.class);

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
            IndexingMetrics metrics, SearchProperties properties) {
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group,
                    @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    @Nullable BackOff bindingBackOff) {
                if (dlqDestinationResolver == null) {
                    throw new IllegalStateException("enable-dlq must be set on the binding of " + destinationName);
                }
                var deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate, dlqDestinationResolver);
                var handler = new DefaultErrorHandler((record, exception) -> {
                    log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            NestedExceptionUtils.getMostSpecificCause(exception).getMessage());
                    deadLetters.accept(record, exception);
                    metrics.deadLettered();
                }, unavailableBackOff(properties.retry()));
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

    /** Capped exponential back-off with no limit on attempts or elapsed time. */
    static BackOff unavailableBackOff(SearchProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initial().toMillis(), 2.0);
        backOff.setMaxInterval(retry.max().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
