package news.prokash.ranking.view;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes views and returns only once Kafka has them (acks=all, idempotent producer: see
 * application.yml). The record's timestamp is the view's {@code viewedAt}: event time for Kafka Streams.
 */
@Component
class ViewPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    private final RankingProperties properties;

    ViewPublisher(KafkaTemplate<String, byte[]> kafka, RankingProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(ArticleViewed view) {
        publishAll(List.of(view));
    }

    /** Sends all, then waits for all: a batch costs one round trip's wait, not one per view. */
    void publishAll(List<ArticleViewed> views) {
        Duration timeout = properties.sendTimeout();
        try {
            CompletableFuture<?>[] sent = new CompletableFuture<?>[views.size()];
            for (int i = 0; i < views.size(); i++) {
                ArticleViewed view = views.get(i);
                sent[i] = kafka.send(new ProducerRecord<>(Topics.VIEWS, null, view.viewedAt().toEpochMilli(),
                        view.articleId(), EventCodec.encode(view)));
            }
            CompletableFuture.allOf(sent).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewNotRecordedException(properties.retryAfter(), e);
        }
        // KafkaTemplate wraps what the producer throws at once (no metadata while the broker is away) in
        // Spring's own KafkaException, not the client's: both mean "not recorded, try again", never a 500
        catch (ExecutionException | TimeoutException | KafkaException | org.springframework.kafka.KafkaException e) {
            throw new ViewNotRecordedException(properties.retryAfter(), e);
        }
    }
}
