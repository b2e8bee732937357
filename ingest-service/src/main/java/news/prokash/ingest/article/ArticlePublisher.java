package news.prokash.ingest.article;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.prokash.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Writes article events (already encoded, so a resend is byte-identical) to {@link Topics#ARTICLES},
 * keyed by article id, and waits for the broker's acknowledgement ({@code acks=all}, idempotent
 * producer). The wait is bounded by the producer's {@code max.block.ms} and {@code delivery.timeout.ms}
 * and, as a backstop, by {@code prokash.ingest.publish-timeout}. Every outcome feeds {@link KafkaCircuit}.
 */
@Component
class ArticlePublisher {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;
    private final KafkaCircuit circuit;

    ArticlePublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties, KafkaCircuit circuit) {
        this.kafka = kafka;
        this.properties = properties;
        this.circuit = circuit;
    }

    /** Returns once the event is on the log; throws {@link PublishFailedException} otherwise. */
    void publish(String articleId, byte[] event) {
        await(articleId, send(articleId, event));
    }

    /** Starts a send; {@link #await} it. Many sends in flight share the producer's batches. */
    CompletableFuture<SendResult<String, byte[]>> send(String articleId, byte[] event) {
        try {
            return kafka.send(new ProducerRecord<>(Topics.ARTICLES, articleId, event));
        }
        catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends what was sent so far without waiting out {@code linger.ms}, and returns once it is acknowledged or
     * failed (within {@code delivery.timeout.ms}). For a group of sends that is complete: the linger is there to
     * gather concurrent sends, and a group already has them.
     */
    void sendNow() {
        kafka.flush();
    }

    void await(String articleId, CompletableFuture<SendResult<String, byte[]>> sent) {
        try {
            sent.get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            circuit.succeeded();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(articleId, e);
        }
        catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw failed(articleId, e);
        }
    }

    private PublishFailedException failed(String articleId, Exception e) {
        circuit.failed();
        log.warn("Article {} was not acknowledged by Kafka: {}", articleId, e.toString());
        return new PublishFailedException(properties.retryAfter(), e);
    }
}
