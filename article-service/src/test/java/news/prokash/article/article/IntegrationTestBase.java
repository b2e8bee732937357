package news.prokash.article.article;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.RealInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, key, value)).get(10, TimeUnit.SECONDS);
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
}
