package news.prokash.ranking.view;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import news.prokash.contracts.ArticleViewed;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ViewPublisherTests {

    private static final ArticleViewed VIEW = new ArticleViewed("a1", "v1", Instant.parse("2026-11-28T03:00:00Z"),
            null, null);

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

    private final ViewPublisher publisher = new ViewPublisher(kafka, RankingProperties.defaults());

    @Test
    void shouldAnswerNotRecordedWhenTheTemplateFailsAtOnce() {
        // what KafkaTemplate throws while the broker is away and the producer has no metadata (the fault suite saw 500s)
        given(kafka.send(any(ProducerRecord.class))).willThrow(new KafkaException("Send failed",
                new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata")));

        assertThatExceptionOfType(ViewNotRecordedException.class).isThrownBy(() -> publisher.publish(VIEW))
                .satisfies(e -> assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("5"));
    }

    @Test
    void shouldAnswerNotRecordedWhenTheBrokerRefusesTheRecord() {
        given(kafka.send(any(ProducerRecord.class))).willReturn(CompletableFuture.failedFuture(
                new org.apache.kafka.common.errors.NotEnoughReplicasException("not enough replicas")));

        assertThatExceptionOfType(ViewNotRecordedException.class).isThrownBy(() -> publisher.publish(VIEW));
    }
}
