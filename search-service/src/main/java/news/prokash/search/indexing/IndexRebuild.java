package news.prokash.search.indexing;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.EventCodec;
import news.prokash.search.config.SearchProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from the compacted articles topic, for a mapping change or a full rebuild.
 * There is no reindex API in this Elasticsearch, and the topic is the source of truth anyway.
 *
 * <ol>
 * <li>Create {@code <name>-<timestamp>} from the current definition, outside the alias, refresh off.</li>
 * <li>Replay every partition from the beginning to the end offsets of that moment (its own consumer,
 * no group: the service's committed offsets are untouched), bulk-indexed with external versions.</li>
 * <li>Refresh, then move the alias in one {@code _aliases} call (remove from the old index, add to the
 * new): a search sees either the old index or the complete new one, never none.</li>
 * <li>Replay what arrived meanwhile (the running service wrote it to the old index until the swap);
 * the version guard makes any overlap harmless. Then delete the old index.</li>
 * </ol>
 */
@Component
public class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int ATTEMPTS = 8;

    private final ElasticsearchClient client;
    private final ArticleIndexer indexer;
    private final ArticleIndexInitializer initializer;
    private final SearchProperties.Index index;
    private final KafkaProperties kafka;

    IndexRebuild(ElasticsearchClient client, ArticleIndexer indexer, ArticleIndexInitializer initializer,
            SearchProperties properties, KafkaProperties kafka) {
        this.client = client;
        this.indexer = indexer;
        this.initializer = initializer;
        this.index = properties.index();
        this.kafka = kafka;
    }

    /** What a rebuild did: the new index, the indexes it replaced, events replayed. */
    public record Result(String index, List<String> replaced, long events) {
    }

    public Result rebuild(String topic) throws IOException {
        String target = index.name() + "-" + SUFFIX.format(LocalDateTime.now(ZoneOffset.UTC));
        initializer.createIndex(target, false);
        log.info("Rebuilding into {} from {}", target, topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long events = replay(consumer, target, consumer.endOffsets(partitions));
            client.indices().putSettings(s -> s.index(target).settings(i -> i.refreshInterval(t -> t.time("1s"))));
            client.indices().refresh(r -> r.index(target));

            List<String> old = new ArrayList<>(client.indices().getAlias(a -> a.name(index.alias())).aliases().keySet());
            client.indices().updateAliases(u -> {
                old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(index.alias()))));
                return u.actions(a -> a.add(ad -> ad.index(target).alias(index.alias()).isWriteIndex(true)));
            });
            log.info("Alias {} moved from {} to {} after {} events", index.alias(), old, target, events);

            events += replay(consumer, target, consumer.endOffsets(partitions));
            for (String o : old) {
                client.indices().delete(d -> d.index(o));
            }
            log.info("Rebuild done: {} ({} events); deleted {}", target, events, old);
            return new Result(target, old, events);
        }
    }

    private long replay(KafkaConsumer<byte[], byte[]> consumer, String target, Map<TopicPartition, Long> end) {
        long events = 0;
        Map<TopicPartition, Long> remaining = new HashMap<>(end);
        remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        while (!remaining.isEmpty()) {
            List<ArticleEvent> batch = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                if (record.offset() >= stop || record.value() == null) {
                    continue;
                }
                try {
                    batch.add(EventCodec.decodeArticleEvent(record.value()));
                }
                catch (RuntimeException e) {
                    // the live consumer dead-lettered it already
                    log.warn("Skipped undecodable event at {}-{}@{}", record.topic(), record.partition(), record.offset());
                }
            }
            indexWithRetries(target, batch);
            events += batch.size();
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
        return events;
    }

    private void indexWithRetries(String target, List<ArticleEvent> batch) {
        List<ArticleEvent> rest = batch;
        for (int attempt = 1; !rest.isEmpty(); attempt++) {
            try {
                indexer.index(target, false, rest);
                return;
            }
            catch (EventRejectedException e) {
                log.warn("Skipped an event Elasticsearch refuses: {}", e.getMessage());
                rest = rest.subList(e.position() + 1, rest.size());
                attempt = 0;
            }
            catch (SearchIndexUnavailableException | ElasticsearchException e) {
                if (attempt >= ATTEMPTS) {
                    // the alias still names the old, complete index: nothing is lost by giving up
                    throw e;
                }
                sleep(Duration.ofSeconds(Math.min(30, 1L << attempt)));
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }
}
