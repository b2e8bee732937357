package news.prokash.ranking.popular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import news.prokash.harness.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CommitHook} rests on Kafka Streams calling an internal interface before each commit. On a
 * real broker with exactly-once, a processor that writes its store only through the hook must find
 * its last count in the changelog's committed records whenever the group's committed offset has
 * moved: if an upgrade stops calling the hook, or calls it after the commit, this fails.
 */
class CommitHookTests {

    /*
     * Kafka Streams 4.1 flushes a task's stores in the order of a HashSet of their names: with these
     * two, the store's record cache is flushed before the hook runs, so the count put by the hook
     * reaches the changelog only through the hook's own flush of the store (as in production, where
     * first-view-chunks comes before honest-views-commit-hook).
     */
    private static final String STORE = "count";

    private static final String HOOK = "the-hook";

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    private final String topic = "commit-hook-" + id;

    private final String application = "commit-hook-test-" + id;

    private final String bootstrap = Infrastructure.kafka().bootstrapServers();

    private @Nullable Admin admin;

    private @Nullable KafkaStreams streams;

    @TempDir
    Path state;

    @BeforeEach
    void topic() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    @AfterEach
    void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void shouldPutThePendingWritesIntoTheSameTransactionAsTheOffsetsTheyCover() throws Exception {
        produce(0, 500);
        streams = new KafkaStreams(topology(), config());
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset() == 500);
        assertThat(committedCount()).isEqualTo(500L);

        produce(500, 250); // a second transaction: the hook runs before each commit, not just once
        await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset() == 750);
        assertThat(committedCount()).isEqualTo(750L);
    }

    /** Counts records in memory only; the count reaches its store through the hook alone. */
    private org.apache.kafka.streams.Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()).withCachingEnabled());
        builder.addStateStore(CommitHook.builder(HOOK));
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private long seen;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        KeyValueStore<String, Long> store = context.getStateStore(STORE);
                        Long restored = store.get("count");
                        seen = restored == null ? 0 : restored;
                        CommitHook hook = context.getStateStore(HOOK);
                        hook.beforeEachCommit(() -> store.put("count", seen), store);
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        seen++;
                    }
                }, STORE, HOOK);
        return builder.build();
    }

    private Properties config() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(state.resolve("streams")).toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    private void produce(int from, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new StringSerializer())) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private long committedOffset() throws Exception {
        OffsetAndMetadata offset = admin().listConsumerGroupOffsets(application).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(topic, 0));
        return offset == null ? -1 : offset.offset();
    }

    /** The last count in the changelog, as a read-committed consumer (a restoring task) sees it. */
    private @Nullable Long committedCount() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new LongDeserializer())) {
            TopicPartition changelog = new TopicPartition(application + "-" + STORE + "-changelog", 0);
            consumer.assign(List.of(changelog));
            consumer.seekToBeginning(List.of(changelog));
            long end = consumer.endOffsets(List.of(changelog)).get(changelog);
            Long last = null;
            while (consumer.position(changelog) < end) {
                for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(200))) {
                    last = record.value();
                }
            }
            return last;
        }
    }

    private Admin admin() {
        if (admin == null) {
            throw new IllegalStateException("no admin client");
        }
        return admin;
    }
}
