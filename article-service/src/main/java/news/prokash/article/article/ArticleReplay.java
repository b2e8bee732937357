package news.prokash.article.article;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import news.prokash.contracts.EventFormatException;
import news.prokash.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Rebuilds the store from the compacted articles topic: every partition from its beginning to the
 * end it had when the replay started, through the same {@link ArticleEventHandler} as the live
 * consumer, so the result is the same store. Assigned partitions and no consumer group: the live
 * group's offsets are never touched. Poison events are skipped (the live consumer has already
 * dead-lettered them); a database error stops the replay, which can simply be run again.
 */
class ArticleReplay {

    private static final Logger log = LoggerFactory.getLogger(ArticleReplay.class);

    private final Map<String, Object> consumerConfig;

    private final ArticleEventHandler handler;

    /** @param consumerConfig at least {@code bootstrap.servers} */
    ArticleReplay(Map<String, Object> consumerConfig, ArticleEventHandler handler) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.handler = handler;
    }

    /**
     * @param records records read
     * @param applied records that changed the store (the others were older versions or poison)
     * @param poison records skipped because they cannot be read or applied
     */
    record Result(long records, long applied, long poison) {
    }

    Result replay() {
        long records = 0;
        long applied = 0;
        long poison = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            log.info("Replaying {} up to offsets {}", Topics.ARTICLES, end);
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    if (record.value() == null) {
                        continue; // a Kafka tombstone: compaction's business, no article event
                    }
                    try {
                        if (handler.handle(record.value())) {
                            applied++;
                        }
                    }
                    catch (EventFormatException | DataIntegrityViolationException e) {
                        poison++;
                        log.warn("Skipped poison event {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getClass().getSimpleName());
                    }
                }
            }
        }
        Result result = new Result(records, applied, poison);
        log.info("Replay done: {}", result);
        return result;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
