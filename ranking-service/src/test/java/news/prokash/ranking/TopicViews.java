package news.prokash.ranking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the views topic holds, read from the start to its current end: what the intake really wrote. */
final class TopicViews {

    private TopicViews() {
    }

    static List<ArticleViewed> of(String articleId) {
        return matching(articleId::equals);
    }

    /** @param keys which article ids (record keys) to keep */
    static List<ArticleViewed> matching(Predicate<String> keys) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.VIEWS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ArticleViewed> views = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && keys.test(record.key())) {
                        views.add(EventCodec.decodeView(record.value()));
                    }
                }
            }
            return views;
        }
    }
}
