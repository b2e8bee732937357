package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.function.BiFunction;

import news.prokash.article.config.ArticleProperties;
import news.prokash.contracts.EventFormatException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries and dead letters in the listener container instead of the binder, so that the store
 * never loses an event to a database outage:
 * <ul>
 * <li>undecodable events and constraint violations (a slug clash) can never succeed: straight to
 * the dead-letter topic, with the reason in the {@code kafka_dlt-exception-*} headers;</li>
 * <li>a database that cannot be reached is retried with exponential back-off, without end, until it
 * is back. Each wait is shorter than {@code max.poll.interval.ms}: the error handler seeks back and
 * the container polls again between attempts, so the consumer keeps its partitions;</li>
 * <li>anything else gets the binding's bounded attempts ({@code max-attempts}), then the dead-letter topic.</li>
 * </ul>
 * The partition waits while its head record is retried: order per article is kept.
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ArticleEventErrorHandling.class);

    /** Header of a dead letter: why it could not be applied ({@code ExceptionClass: message}). */
    static final String REASON_HEADER = "prokash-dlt-reason";

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer articleEventErrorHandler(KafkaProperties kafka,
            ArticleProperties properties, ArticleEventMetrics metrics) {
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group,
                    @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    @Nullable BackOff backOff) {
                if (dlqDestinationResolver == null || backOff == null) {
                    throw new IllegalStateException("the articles binding needs enable-dlq and max-attempts > 1");
                }
                DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                        dlqDestinationResolver);
                // beside Spring's kafka_dlt-* headers (which name the wrappers): the root cause, in one line
                recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(
                        new Header[] { new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8)) }));
                container.setCommonErrorHandler(errorHandler(recoverer, backOff, properties.transientRetry(), metrics));
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer deadLetters, BackOff bounded,
            ArticleProperties.TransientRetry transientRetry, ArticleEventMetrics metrics) {
        ConsumerRecordRecoverer counted = (record, exception) -> {
            deadLetters.accept(record, exception);
            metrics.deadLettered();
            log.warn("Dead-lettered article event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    reason(exception));
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(counted, bounded);
        // the classifier looks through the wrappers (binder, listener) at the causes
        handler.addNotRetryableExceptions(EventFormatException.class, DataIntegrityViolationException.class);
        ExponentialBackOff untilBack = new ExponentialBackOff(transientRetry.initialInterval().toMillis(), 2.0);
        untilBack.setMaxInterval(transientRetry.maxInterval().toMillis());
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? untilBack : null);
        handler.setRetryListeners((record, exception, attempt) -> {
            if (isTransient(exception)) {
                log.warn("Database unavailable applying {}-{}@{} (attempt {}), retrying: {}", record.topic(),
                        record.partition(), record.offset(), attempt, rootCause(exception).toString());
            }
        });
        return handler;
    }

    /** Would the same write succeed later, with nothing changed but time (the database back)? */
    static boolean isTransient(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException || t instanceof EventFormatException) {
                return false;
            }
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53")
                            || sql.getSQLState().startsWith("57P"))) {
                // connection exception, insufficient resources, operator intervention (shutdown)
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The first exception below the container's and the binder's wrappers, e.g. EventFormatException. */
    static String reason(Throwable exception) {
        Throwable cause = exception;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof MessagingException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // Spring's data access messages start with the whole SQL; the driver's says what went wrong
        Throwable explained = cause instanceof DataAccessException dataAccess ? dataAccess.getMostSpecificCause() : cause;
        String message = explained.getMessage() == null ? "" : ": " + explained.getMessage();
        String reason = cause.getClass().getName() + message;
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
