package news.prokash.ranking.view;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes a view and returns only once Kafka has it (acks=all, idempotent producer: see application.yml). */
@Component
class ViewPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    private final RankingProperties properties;

    ViewPublisher(KafkaTemplate<String, byte[]> kafka, RankingProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(ArticleViewed view) {
        Duration timeout = properties.sendTimeout();
        try {
            kafka.send(Topics.VIEWS, view.articleId(), EventCodec.encode(view))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewNotRecordedException(properties.retryAfter(), e);
        }
        catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new ViewNotRecordedException(properties.retryAfter(), e);
        }
    }
}
