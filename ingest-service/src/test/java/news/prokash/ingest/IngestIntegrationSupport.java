package news.prokash.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import news.prokash.contracts.Topics;
import news.prokash.harness.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service against real Kafka and PostgreSQL from platform-harness, one context for every
 * class that extends this. Editors' tokens are RS256 JWTs signed here; the service reads the public
 * half from a PEM file, exactly as the local platform passes it
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location=file:…}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
abstract class IngestIntegrationSupport {

    static final String SEED = """
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

    /** {@link #SEED} with another body (HTML without quotes or backslashes, as {@link SeedWords} writes it). */
    static String seedWithBody(String bodyHtml) {
        return SEED.substring(0, SEED.indexOf("\"bodyHtml\": \"")) + "\"bodyHtml\": \"" + bodyHtml + "\",\n  "
                + SEED.substring(SEED.indexOf("\"section\":"));
    }

    static final KeyPair EDITORS_KEYS = rsaKeys();
    static final Path PUBLIC_KEY_PEM = publicKeyPem(EDITORS_KEYS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.kafka(registry);
        RealInfrastructure.postgres(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY_PEM);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    JdbcClient jdbc;

    KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void readFromTheCurrentEnd() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaProperties.getBootstrapServers()));
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

    /**
     * Everything written since the test began. Producing is acknowledged before the answer, so by
     * now the end offsets include any write this test caused; read up to them, nothing less.
     */
    List<ConsumerRecord<String, byte[]>> readToTheEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            assertThat(System.nanoTime()).as("read to the end within 30 s").isLessThan(deadline);
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    static String editor() {
        return token(EDITORS_KEYS, List.of("editor"), Duration.ofMinutes(5));
    }

    static String admin() {
        return token(EDITORS_KEYS, List.of("editor", "admin"), Duration.ofMinutes(5));
    }

    /** A token as the newsroom's identity provider would issue it; a negative lifetime is expired. */
    static String token(KeyPair keys, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("prokash-test")
                .subject("test-editor")
                .claim("roles", roles)
                .issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyPem(KeyPair keys) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-keys"));
            Path pem = dir.resolve("editors-public.pem").toAbsolutePath();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return pem;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Accepted(String id, long version) {
    }
}
