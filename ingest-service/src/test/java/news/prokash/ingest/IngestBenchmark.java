package news.prokash.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.prokash.harness.JitWarmUp;
import news.prokash.harness.MachineCpu;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sustained accepted articles per second and latency of single and bulk ingest of seed-sized (~5 KB)
 * articles, beside the raw Kafka producer (5 KB records, acks=all) on the same broker in the same run.
 * Run with {@code ./prokash bench ingest-service}; prints figures, never fails on speed.
 */
@EnabledIfSystemProperty(named = "prokash.benchmark", matches = "true")
class IngestBenchmark extends IngestIntegrationSupport {

    private static final int RECORD_BYTES = 5 * 1024;
    private static final int CLIENTS = 32;
    private static final Duration RUN = Duration.ofSeconds(15);

    /** Bulk requests of 2,000 lines, 2 at a time ({@code -Dprokash.bench.bulk-requests}). */
    private static final int BULK_REQUESTS = Integer.getInteger("prokash.bench.bulk-requests", 10);

    /** {@code -Dprokash.bench.single=false} measures bulk only (after the same warm-up), e.g. to profile it. */
    private static final boolean SINGLE = Boolean.parseBoolean(System.getProperty("prokash.bench.single", "true"));

    /** What went wrong, by kind (warm-up included), printed at the end. */
    private static final Map<String, Long> ERROR_KINDS = new ConcurrentSkipListMap<>();

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void measure() throws Exception {
        String article = seedSizedArticle();
        String token = editor();
        try (HttpClient client = client()) {
            HttpResponse<String> first = post(client, "/api/v1/articles", "application/json", article, token);
            if (first.statusCode() != 202) {
                throw new IllegalStateException("the benchmark article is refused: " + first.body());
            }
        }
        System.out.printf("%nIngestBenchmark: article %d bytes, %d cores, %s%n", article.getBytes().length,
                Runtime.getRuntime().availableProcessors(), java.time.OffsetDateTime.now());

        // the raw producer first: run after the warm-up, its Kafka client code had the JIT recompiling the service's
        double raw = rawProducerRate();
        System.out.printf("raw Kafka producer, 5 KB records, acks=all, idempotent: %.0f records/s%n", raw);
        JitWarmUp.Report warm = JitWarmUp.standard().run(() -> warmUpRound(article, token));
        System.out.printf("warm-up (the peak's closed loop and small bulk requests, not counted): %s%n", warm);

        Result peak = null;
        if (SINGLE) {
            long compiled = JitWarmUp.compilationMillis();
            MachineCpu cpu = MachineCpu.now();
            peak = closedLoop(article, token, RUN);
            System.out.printf("single ingest, %d concurrent clients, %ds: %.0f accepted/s (%d errors); latency %s%n",
                    CLIENTS, RUN.toSeconds(), peak.rate(), peak.errors(), peak.latency());
            System.out.printf("  (the JIT's compilers used %d ms of CPU meanwhile)%n", JitWarmUp.compilationMillis() - compiled);
            System.out.printf("  CPU per accepted article: %s%n", cpu.perItemSince(peak.accepted()));

            Result half = openLoop(article, token, peak.rate() / 2);
            System.out.printf("single ingest at half the peak (%.0f/s offered): %.0f accepted/s (%d errors); latency %s%n",
                    peak.rate() / 2, half.rate(), half.errors(), half.latency());
        }

        MachineCpu cpu = MachineCpu.now();
        Result bulk = bulk(article, token, 2_000, BULK_REQUESTS);
        System.out.printf("bulk ingest, %d requests x 2000 lines, 2 clients: %.0f accepted/s (%d errors); request latency %s%n",
                BULK_REQUESTS, bulk.rate(), bulk.errors(), bulk.latency());
        System.out.printf("  CPU per accepted article: %s%n", cpu.perItemSince(bulk.accepted()));

        System.out.printf("ratios to the raw producer: single peak %s, bulk %.2f%n",
                peak == null ? "not measured" : String.format("%.2f", peak.rate() / raw), bulk.rate() / raw);
        ERROR_KINDS.forEach((kind, count) -> System.out.printf("error (%d times, warm-up included): %s%n", count, kind));
        System.out.println();
    }

    record Result(double rate, long accepted, long errors, String latency) {
    }

    private double rawProducerRate() throws Exception {
        String bootstrap = String.join(",", kafkaProperties.getBootstrapServers());
        String topic = "prokash.bench.raw";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            }
            // a fresh topic's partitions answer NOT_LEADER for a moment; the idempotent producer's retries of its
            // first batches then met OUT_OF_ORDER_SEQUENCE_NUMBER until the 120 s delivery timeout (seen here)
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .anyMatch(partition -> partition.leader() == null)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " has partitions without a leader after 30 s");
                }
                Thread.sleep(100);
            }
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] value = new byte[RECORD_BYTES];
        new java.util.Random(1).nextBytes(value); // incompressible: no flattering
        int records = 40_000;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int partition = 0; partition < 6; partition++) {
                // one acknowledged record per partition before the clock starts: leaders known, producer id set up
                producer.send(new ProducerRecord<>(topic, partition, "warm-up", value)).get();
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(records);
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i), value)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return records / seconds(System.nanoTime() - started);
        }
    }

    /** One round of warm-up: the peak run's own closed loop for 5 s, then one small bulk request. */
    private void warmUpRound(String article, String token) throws Exception {
        closedLoop(article, token, Duration.ofSeconds(5));
        bulk(article, token, 100, 1);
    }

    private Result closedLoop(String article, String token, Duration run) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        byte[] body = article.getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + run.toNanos();
        long started = System.nanoTime();
        try (HttpClient client = client(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        timed(client, body, token, latencies, errors);
                    }
                    return null;
                });
            }
        }
        return result(latencies, errors, seconds(System.nanoTime() - started));
    }

    /** Requests at a fixed rate whatever the answers take, so slow answers cannot hide in fewer requests. */
    private Result openLoop(String article, String token, double rate) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1e9 / rate);
        long count = (long) (rate * RUN.toSeconds());
        byte[] body = article.getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try (HttpClient client = client(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = started + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                pool.submit(() -> timed(client, body, token, latencies, errors));
            }
        }
        return result(latencies, errors, seconds(System.nanoTime() - started));
    }

    private Result bulk(String article, String token, int lines, int requests) throws Exception {
        byte[] ndjson = (article.replace("\n", "") + "\n").repeat(lines).getBytes(StandardCharsets.UTF_8);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        CountDownLatch done = new CountDownLatch(requests);
        long started = System.nanoTime();
        try (HttpClient client = client(); ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int r = 0; r < requests; r++) {
                pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> answer = post(client, "/api/v1/articles/bulk", "application/x-ndjson", ndjson, token);
                    latencies.add(System.nanoTime() - t);
                    int ok = answer.statusCode() == 200 ? acceptedCount(answer.body()) : 0;
                    accepted.addAndGet(ok);
                    errors.addAndGet(lines - ok);
                    if (ok < lines) {
                        errorKind("bulk: " + (answer.statusCode() == 200 ? problemTypes(answer.body()) : answer.body()));
                    }
                    done.countDown();
                    return null;
                });
            }
            done.await();
        }
        double secs = seconds(System.nanoTime() - started);
        return new Result(accepted.get() / secs, accepted.get(), errors.get(), percentiles(latencies));
    }

    private static int acceptedCount(String body) {
        int at = body.indexOf("\"accepted\":");
        int end = body.indexOf(',', at);
        return Integer.parseInt(body.substring(at + 11, end).strip());
    }

    /** @param article encoded once per run: encoding the Bengali JSON per request was a sixth of this JVM's CPU */
    private void timed(HttpClient client, byte[] article, String token, ConcurrentLinkedQueue<Long> latencies,
            AtomicLong errors) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> answer = post(client, "/api/v1/articles", "application/json", article, token);
            if (answer.statusCode() == 202) {
                latencies.add(System.nanoTime() - t);
            }
            else {
                errors.incrementAndGet();
                errorKind("single: " + answer.statusCode() + " " + answer.body());
            }
        }
        catch (RuntimeException e) {
            errors.incrementAndGet();
            errorKind("single: " + e);
        }
    }

    /** What went wrong, counted by kind and printed at the end: an error figure alone says nothing. */
    private static void errorKind(String kind) {
        ERROR_KINDS.merge(kind.length() > 300 ? kind.substring(0, 300) + "…" : kind, 1L, Long::sum);
    }

    /** The problem types of a bulk answer's refused lines. */
    private static String problemTypes(String body) {
        Matcher types = PROBLEM_TYPE.matcher(body);
        TreeSet<String> found = new TreeSet<>();
        while (types.find()) {
            found.add(types.group(1));
        }
        return found.toString();
    }

    private HttpResponse<String> post(HttpClient client, String path, String type, String body, String token) {
        return post(client, path, type, body.getBytes(StandardCharsets.UTF_8), token);
    }

    /**
     * Bytes encoded once: a bulk body is 10 MB, and encoding it per request put another humongous array into
     * the heap the service shares with this client.
     */
    private HttpResponse<String> post(HttpClient client, String path, String type, byte[] body, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result result(ConcurrentLinkedQueue<Long> latencies, AtomicLong errors, double secs) {
        return new Result(latencies.size() / secs, latencies.size(), errors.get(), percentiles(latencies));
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "n/a";
        }
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)".formatted(ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The seed article with a body of the seed page's words, about {@code RECORD_BYTES} in all (see {@link SeedWords}). */
    private static String seedSizedArticle() {
        int baseBytes = seedWithBody("").getBytes(StandardCharsets.UTF_8).length;
        return seedWithBody(SeedWords.bodyHtml(RECORD_BYTES - baseBytes, 1));
    }
}
