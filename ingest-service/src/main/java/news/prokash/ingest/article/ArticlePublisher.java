package news.prokash.ingest.article;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes article events to {@link Topics#ARTICLES}, keyed by article id, and waits for the broker's
 * acknowledgement ({@code acks=all}, idempotent producer): the caller answers 202 only for an event
 * that is on the log. The wait is bounded by the producer's {@code max.block.ms} and
 * {@code delivery.timeout.ms} and, as a backstop, by {@code prokash.ingest.publish-timeout}.
 */
@Component
class ArticlePublisher {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;

    ArticlePublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(ArticlePublished event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES, event.articleId(),
                EventCodec.encode(event));
        try {
            kafka.send(record).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(event, e);
        }
        catch (ExecutionException | TimeoutException | KafkaException | org.springframework.kafka.KafkaException e) {
            throw failed(event, e);
        }
    }

    private PublishFailedException failed(ArticlePublished event, Exception e) {
        log.warn("Article {} was not acknowledged by Kafka", event.articleId(), e);
        return new PublishFailedException(properties.retryAfter(), e);
    }
}
