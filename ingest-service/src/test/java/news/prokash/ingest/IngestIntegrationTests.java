package news.prokash.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.RealInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service against a real Kafka broker: what is answered is what is on the topic, and bad input writes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class IngestIntegrationTests {

    private static final String SEED = """
            {
              "headline": "রাশিয়ার পাশে আছেন কিম জং উন",
              "kicker": null,
              "summary": "ইউক্রেন সংকটে মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত করেছেন কিম",
              "bodyHtml": "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p><p class=\\"lead\\"><span>বৈঠকটি</span> গত ১২ জুলাই উনসানে অনুষ্ঠিত হয়।</p>",
              "section": "international",
              "tags": ["উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন"],
              "byline": "কালবেলা ডেস্ক",
              "edition": "online",
              "language": "bn",
              "publishedAt": "2025-07-13T10:42:00+06:00",
              "leadImage": {"url": "https://images.example.com/kim.jpg", "caption": "উত্তর কোরিয়ার নেতা কিম জং উন।", "credit": "সংগৃহীত"},
              "source": "তাস নিউজ এজেন্সি",
              "slug": null
            }""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.kafka(registry);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    KafkaProperties kafkaProperties;

    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void readFromTheCurrentEnd() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaProperties.getBootstrapServers()));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.ARTICLES, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the lazy seek now, before the test writes
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void shouldPublishTheSeedArticleAsAnswered() {
        var answer = http.post().uri("/api/v1/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(SEED)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(Ingested.class)
                .returnResult();
        Ingested ingested = answer.getResponseBody();
        assertThat(ingested).isNotNull();
        assertThat(answer.getResponseHeaders().getLocation())
                .hasToString("http://localhost:8082/api/v1/articles/" + ingested.id());

        List<ConsumerRecord<String, byte[]>> records = readToTheEnd();

        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(ingested.id());
        ArticleEvent event = EventCodec.decodeArticleEvent(record.value());
        assertThat(event).isInstanceOf(ArticlePublished.class);
        assertThat(event.articleId()).isEqualTo(ingested.id());
        assertThat(event.version()).isEqualTo(ingested.version()).isEqualTo(1);
        Article article = event.article();
        assertThat(article).isNotNull();
        assertThat(article.bodyHtml()).isEqualTo(
                "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p>"
                        + "<p>বৈঠকটি গত ১২ জুলাই উনসানে অনুষ্ঠিত হয়।</p>");
        assertThat(article.bodyText()).isEqualTo(
                "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।\n\n"
                        + "বৈঠকটি গত ১২ জুলাই উনসানে অনুষ্ঠিত হয়।");
        assertThat(article.slug()).startsWith("rashiyar-pashe-achhen-kim-jong-un-");
        assertThat(article.url()).isEqualTo("https://prokash.example/international/" + article.slug());
        assertThat(article.publishedAt()).hasToString("2025-07-13T10:42+06:00");
        assertThat(article.updatedAt().getOffset()).isEqualTo(article.publishedAt().getOffset());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"publishedAt\":\"2025-07-13T10:42:00+06:00\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid JSON    | {"headline": "কিম",                        | 400
            missing headline | "headline": "রাশিয়ার পাশে আছেন কিম জং উন", | 400
            unknown section | "section": "international",               | 400
            script in body  | "bodyHtml": "<p>                          | 400
            """)
    void shouldRejectBadInputAndWriteNothing(String name, String part, int status) {
        String body = switch (name) {
            case "invalid JSON" -> part;
            case "missing headline" -> SEED.replace(part, "");
            case "unknown section" -> SEED.replace(part, "\"section\": \"weather\",");
            default -> SEED.replace(part, "\"bodyHtml\": \"<script>fetch('https://evil.example/')</script><p>");
        };
        assertThat(body).isNotEqualTo(SEED);

        http.post().uri("/api/v1/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.valueOf(status))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[0].field").exists()
                .jsonPath("$.errors[0].message").exists();

        assertThat(readToTheEnd()).isEmpty();
    }

    @Test
    void shouldDeclareTheArticlesTopicCompactedWithSixPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafkaProperties.getBootstrapServers())))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.ARTICLES)).allTopicNames().get().get(Topics.ARTICLES);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(topic.partitions()).hasSize(Topics.PARTITIONS);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldExposePrometheusMetricsWithTheApplicationTag() {
        http.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("prokash_ingest_articles_total{application=\"ingest-service\",outcome=\"accepted\"}"));
    }

    /**
     * Everything written since the test began. Producing is acknowledged before the answer, so by
     * now the end offsets include any write this test caused; read up to them, nothing less.
     */
    private List<ConsumerRecord<String, byte[]>> readToTheEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            assertThat(System.nanoTime()).as("read to the end within 30 s").isLessThan(deadline);
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    record Ingested(String id, long version) {
    }
}
