package news.prokash.ranking;

import java.nio.charset.StandardCharsets;
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

/**
 * What the views topic (or its dead-letter topic) holds, read from the start to its current end: what the intake,
 * or the topology, really wrote. Committed records only.
 */
final class TopicViews {

    private TopicViews() {
    }

    static List<ArticleViewed> of(String articleId) {
        return matching(articleId::equals);
    }

    /** @param keys which article ids (record keys) to keep */
    static List<ArticleViewed> matching(Predicate<String> keys) {
        return records(Topics.VIEWS).stream()
                .filter(record -> record.key() != null && keys.test(new String(record.key(), StandardCharsets.UTF_8)))
                .map(record -> EventCodec.decodeView(record.value()))
                .toList();
    }

    /** Every record of the topic, keys and values as written. */
    static List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
