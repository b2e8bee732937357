package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The one Spring context of the integration tests (same configuration, so the context cache shares
 * it), against the harness's real Kafka and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IntegrationTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.kafka(registry);
        RealInfrastructure.postgres(registry);
        // an outage (ArticleReliabilityIntegrationTests) shows within seconds, not Hikari's 5 s
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1500");
        registry.add("prokash.article.transient-retry.max-interval", () -> "2s");
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    RestTestClient http;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void clients() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    String bootstrapServers() {
        return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    void publish(ArticleEvent event) {
        send(event.articleId(), EventCodec.encode(event));
    }

    /** Sends as ingest does (key = article id) and waits for the broker's acknowledgement. */
    void send(String key, byte[] value) {
        send(new ProducerRecord<>(Topics.ARTICLES, key, value));
    }

    void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + Topics.ARTICLES, e);
        }
    }

    double events(String outcome) {
        return meters.get(ArticleEventMetrics.NAME).tag("outcome", outcome).counter().count();
    }

    /** Consumption is asynchronous: poll until the service shows the effect. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    static final String DEAD_LETTERS = Topics.deadLetter(Topics.ARTICLES, "article-service");

    /** Reads the dead-letter topic from the start until {@code expected} records with the key turn up. */
    List<ConsumerRecord<String, byte[]>> deadLetters(String key, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            eventually().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }

    /** Every record of the dead-letter topic with the key, read to the topic's current end. */
    List<ConsumerRecord<String, byte[]>> allDeadLetters(String key) {
        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /** The keys (article ids) of every record of the dead-letter topic so far. */
    java.util.Set<String> deadLetterKeys() {
        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            java.util.Set<String> keys = new java.util.HashSet<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    private KafkaConsumer<String, byte[]> deadLetterConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
