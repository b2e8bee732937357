package news.prokash.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import news.prokash.harness.JitWarmUp;
import news.prokash.harness.KeepAliveHttp;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sustained accepted articles per second and latency of single and bulk ingest of seed-sized (~5 KB)
 * articles, beside the raw Kafka producer (5 KB records, acks=all) on the same broker in the same run.
 * Run with {@code ./prokash bench ingest-service}; prints figures, never fails on speed.
 */
@EnabledIfSystemProperty(named = "prokash.benchmark", matches = "true")
class IngestBenchmark extends IngestIntegrationSupport {

    private static final int RECORD_BYTES = 5 * 1024;

    /**
     * Clients of the closed loop that finds the peak ({@code -Dprokash.bench.clients}): each count runs
     * {@code PEAK_RUNS} times, alternately, and the peak is the best count's median. Fewer clients than the
     * service can take leave the cores idle while they wait for their group's commit: 64 gave 1.13x the rate of
     * 32, and once a create cost less CPU 128 gave 2,196 against 1,986/s for 64 (medians in one JVM, README).
     * The warm-up and {@code against} use the first count.
     */
    private static final List<Integer> PEAK_CLIENTS = Stream.of(System.getProperty("prokash.bench.clients", "64,128")
            .split(",")).map(String::strip).map(Integer::valueOf).toList();

    /** Connections of the open loop: more than the requests in flight at half the peak, so none waits for one. */
    private static final int OPEN_LOOP_CONNECTIONS = 64;
    private static final Duration RUN = Duration.ofSeconds(15);

    /** Bulk requests of 2,000 lines, 2 at a time ({@code -Dprokash.bench.bulk-requests}). */
    private static final int BULK_REQUESTS = Integer.getInteger("prokash.bench.bulk-requests", 10);

    /** {@code -Dprokash.bench.single=false} measures bulk only (after the same warm-up), e.g. to profile it. */
    private static final boolean SINGLE = Boolean.parseBoolean(System.getProperty("prokash.bench.single", "true"));

    /** What went wrong, by kind (warm-up included), printed at the end. */
    private static final Map<String, Long> ERROR_KINDS = new ConcurrentSkipListMap<>();

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

    /** {@code -Dprokash.bench.against=property=value}: see {@link #compareAgainst}; {@code .pairs} of runs. */
    private static final String AGAINST = System.getProperty("prokash.bench.against", "");

    private static final int PAIRS = Integer.getInteger("prokash.bench.pairs", 3);

    /** The single-ingest peak is the median of this many 15 s runs ({@code -Dprokash.bench.peak-runs}). */
    private static final int PEAK_RUNS = Integer.getInteger("prokash.bench.peak-runs", 3);

    /**
     * The servers write as production's do: with the tests' defaults PostgreSQL and Kafka leave all writeback to
     * the OS, whose bursts stalled every process here for up to 450 ms ({@code PostgresServer.fsync},
     * {@code KafkaBroker.flushEvery}). Runs before the harness starts them: the registry's values are read only
     * when the context starts. Either can be set on the command line instead.
     */
    @DynamicPropertySource
    static void serversWritingAsInProduction(DynamicPropertyRegistry registry) {
        if (System.getProperty("prokash.harness.postgres.fsync") == null) {
            System.setProperty("prokash.harness.postgres.fsync", "on");
        }
        if (System.getProperty("prokash.harness.kafka.flush-ms") == null) {
            System.setProperty("prokash.harness.kafka.flush-ms", "1000");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Test
    void measure() throws Exception {
        String article = seedSizedArticle();
        String token = editor();
        try (KeepAliveHttp client = client(port)) {
            KeepAliveHttp.Answer first = post(client, "/api/v1/articles", "application/json",
                    article.getBytes(StandardCharsets.UTF_8), token);
            if (first.status() != 202) {
                throw new IllegalStateException("the benchmark article is refused: " + first.body());
            }
        }
        System.out.printf("%nIngestBenchmark: article %d bytes, %d cores, PostgreSQL fsync=%s shared_buffers=%s"
                + " backend_flush_after=%s, Kafka flushing %s, %s%n", article.getBytes().length,
                Runtime.getRuntime().availableProcessors(), jdbc.sql("show fsync").query(String.class).single(),
                jdbc.sql("show shared_buffers").query(String.class).single(),
                jdbc.sql("show backend_flush_after").query(String.class).single(),
                System.getProperty("prokash.harness.kafka.flush-ms", "").isEmpty() ? "never"
                        : "every " + System.getProperty("prokash.harness.kafka.flush-ms") + " ms", OffsetDateTime.now());

        // the raw producer first: run after the warm-up, its Kafka client code had the JIT recompiling the service's
        double raw = rawProducerRate();
        System.out.printf("raw Kafka producer, 5 KB records, acks=all, idempotent: %.0f records/s%n", raw);
        JitWarmUp.Report warm = JitWarmUp.standard().run(() -> warmUpRound(port, article, token));
        System.out.printf("warm-up (the peak's closed loop and small bulk requests, not counted): %s%n", warm);

        Result peak = null;
        if (SINGLE) {
            // several runs per client count, their median: the JIT sometimes recompiled for seconds in a run after
            // the warm-up had settled (up to 6 s of CPU in 15 s), and one run's rate then measured that
            Map<Integer, List<Double>> peaks = new LinkedHashMap<>();
            for (int run = 1; run <= PEAK_RUNS; run++) {
                for (int clients : PEAK_CLIENTS) {
                    long compiled = JitWarmUp.compilationMillis();
                    MachineCpu cpu = MachineCpu.now();
                    double[] groupsBefore = groupCounts(meters);
                    Result one = closedLoop(port, article, token, RUN, clients);
                    peaks.computeIfAbsent(clients, c -> new ArrayList<>()).add(one.rate());
                    System.out.printf("single ingest, run %d, %d concurrent clients, %ds: %.0f accepted/s (%d errors);"
                            + " latency %s%n", run, clients, RUN.toSeconds(), one.rate(), one.errors(), one.latency());
                    System.out.printf("  CPU per accepted article: %s; the JIT's compilers used %d ms of CPU meanwhile%n",
                            cpu.perItemSince(one.accepted()), JitWarmUp.compilationMillis() - compiled);
                    System.out.printf("  %s%n", groups(meters, groupsBefore));
                }
            }
            int best = peaks.keySet().stream().max(Comparator.comparingDouble(c -> median(peaks.get(c)))).orElseThrow();
            peak = new Result(median(peaks.get(best)), 0, 0, "");
            for (Map.Entry<Integer, List<Double>> each : peaks.entrySet()) {
                System.out.printf("single ingest %s: median %.0f accepted/s of %s with %d clients%n",
                        each.getKey() == best ? "peak" : "(not the peak)", median(each.getValue()),
                        each.getValue().stream().map(r -> "%.0f".formatted(r)).toList(), each.getKey());
            }

            long[] serverBefore = overFiftyMillis(meters, "http.server.requests");
            long[] kafkaBefore = overFiftyMillis(meters, "spring.kafka.template");
            Result half = openLoop(port, article, token, peak.rate() / 2);
            System.out.printf("single ingest at half the peak (%.0f/s offered): %.0f accepted/s (%d errors); latency %s%n",
                    peak.rate() / 2, half.rate(), half.errors(), half.latency());
            long[] server = overFiftyMillis(meters, "http.server.requests");
            long[] kafka = overFiftyMillis(meters, "spring.kafka.template");
            // which server a slow answer waited for: the service's own timing of requests and of Kafka's acks
            System.out.printf("  over 44.7 ms meanwhile: %d of %d requests as the service timed them, %d of %d Kafka"
                    + " acknowledgements%n", server[1] - serverBefore[1], server[0] - serverBefore[0],
                    kafka[1] - kafkaBefore[1], kafka[0] - kafkaBefore[0]);
            if (!AGAINST.isEmpty()) {
                compareAgainst(article, token);
            }
        }

        MachineCpu cpu = MachineCpu.now();
        Result bulk = bulk(port, article, token, 2_000, BULK_REQUESTS);
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

    /**
     * {@code -Dprokash.bench.against=property=value}: the single-ingest peak of the service as configured and of a
     * second instance in this JVM with that one property changed, in alternating pairs (A B, B A, A B …), so a
     * setting is compared within minutes on one machine state: between runs this machine's speed moves by half.
     */
    private void compareAgainst(String article, String token) throws Exception {
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(IngestApplication.class).run(
                "--server.port=0", "--" + AGAINST,
                "--spring.kafka.bootstrap-servers=" + String.join(",", kafkaProperties.getBootstrapServers()),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + PUBLIC_KEY_PEM)) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            JitWarmUp.Report warm = JitWarmUp.standard().run(() -> warmUpRound(otherPort, article, token));
            System.out.printf("against %s: a second instance, warmed up: %s%n", AGAINST, warm);
            List<Double> configured = new ArrayList<>();
            List<Double> changed = new ArrayList<>();
            for (int pair = 1; pair <= PAIRS; pair++) {
                for (boolean change : new boolean[] { pair % 2 == 0, pair % 2 != 0 }) {
                    MeterRegistry registry = change ? other.getBean(MeterRegistry.class) : meters;
                    double[] groupsBefore = groupCounts(registry);
                    MachineCpu cpu = MachineCpu.now();
                    Result peak = closedLoop(change ? otherPort : port, article, token, RUN, PEAK_CLIENTS.getFirst());
                    (change ? changed : configured).add(peak.rate());
                    System.out.printf("pair %d, %s: %.0f accepted/s (%d errors); latency %s%n  CPU per accepted"
                            + " article: %s%n  %s%n", pair, change ? AGAINST : "as configured", peak.rate(),
                            peak.errors(), peak.latency(), cpu.perItemSince(peak.accepted()),
                            groups(registry, groupsBefore));
                }
            }
            System.out.printf("as configured: median %.0f accepted/s %s; with %s: median %.0f accepted/s %s; ratio %.2f%n",
                    median(configured), configured, AGAINST, median(changed), changed, median(changed) / median(configured));
        }
    }

    /**
     * How many of a timer's events there were, and how many took longer than its histogram's last bucket up to
     * 50 ms (Micrometer's buckets: 44.7 ms, then 50.3 ms).
     */
    private static long[] overFiftyMillis(MeterRegistry meters, String timer) {
        long count = 0;
        long fast = 0;
        for (Timer each : meters.find(timer).timers()) {
            HistogramSnapshot snapshot = each.takeSnapshot();
            count += snapshot.count();
            double within = 0;
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                if (bucket.bucket(TimeUnit.MILLISECONDS) <= 50) {
                    within = Math.max(within, bucket.count());
                }
            }
            fast += (long) within;
        }
        return new long[] { count, count - fast };
    }

    /** The count and total of {@code prokash.ingest.create.group}: transactions of grouped creates, creates in them. */
    private static double[] groupCounts(MeterRegistry meters) {
        DistributionSummary groups = meters.find("prokash.ingest.create.group").summary();
        return groups == null ? new double[2] : new double[] { groups.count(), groups.totalAmount() };
    }

    private static String groups(MeterRegistry meters, double[] before) {
        double[] now = groupCounts(meters);
        double transactions = now[0] - before[0];
        return transactions == 0 ? "no creates written in groups"
                : "%.0f transactions of grouped creates, %.1f creates each".formatted(transactions,
                        (now[1] - before[1]) / transactions);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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
    private void warmUpRound(int port, String article, String token) throws Exception {
        closedLoop(port, article, token, Duration.ofSeconds(5), PEAK_CLIENTS.getFirst());
        bulk(port, article, token, 100, 1);
    }

    /** {@code clients} connections, each sending its next request as soon as the last is answered. */
    private Result closedLoop(int port, String article, String token, Duration run, int clients) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        byte[] body = article.getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + run.toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    try (KeepAliveHttp client = client(port)) {
                        while (System.nanoTime() < end) {
                            timed(client, body, token, System.nanoTime(), latencies, errors);
                        }
                    }
                    return null;
                });
            }
        }
        return result(latencies, errors, seconds(System.nanoTime() - started));
    }

    /**
     * Requests at a fixed rate whatever the answers take, so slow answers cannot hide in fewer requests:
     * request i is due at {@code i / rate}, and its latency counts from then, also when every connection was
     * still busy with earlier ones.
     */
    private Result openLoop(int port, String article, String token, double rate) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1e9 / rate);
        long count = (long) (rate * RUN.toSeconds());
        AtomicLong next = new AtomicLong();
        AtomicLongArray slowest = new AtomicLongArray((int) RUN.toSeconds() + 1); // by the second it was due in
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        byte[] body = article.getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_CONNECTIONS)) {
            for (int c = 0; c < OPEN_LOOP_CONNECTIONS; c++) {
                pool.submit(() -> {
                    try (KeepAliveHttp client = client(port)) {
                        for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long due = started + i * interval;
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            long took = timed(client, body, token, due, latencies, errors);
                            slowest.accumulateAndGet((int) ((due - started) / 1_000_000_000L), took, Math::max);
                        }
                    }
                    return null;
                });
            }
        }
        StringBuilder bySecond = new StringBuilder();
        for (int second = 0; second < slowest.length(); second++) {
            bySecond.append(second == 0 ? "" : ", ").append(slowest.get(second) / 1_000_000);
        }
        Result result = result(latencies, errors, seconds(System.nanoTime() - started));
        // where a tail comes from: a few stalled seconds (a pause somewhere) or all of them (a queue)
        return new Result(result.rate(), result.accepted(), result.errors(), result.latency()
                + "; slowest answer in each second from " + startedAt.toLocalTime() + " UTC (ms): " + bySecond);
    }

    private Result bulk(int port, String article, String token, int lines, int requests) throws Exception {
        byte[] ndjson = (article.replace("\n", "") + "\n").repeat(lines).getBytes(StandardCharsets.UTF_8);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int c = 0; c < 2; c++) {
                pool.submit(() -> {
                    try (KeepAliveHttp client = client(port)) {
                        for (long r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                            long t = System.nanoTime();
                            KeepAliveHttp.Answer answer;
                            try {
                                answer = post(client, "/api/v1/articles/bulk", "application/x-ndjson", ndjson, token);
                            }
                            catch (RuntimeException e) {
                                errors.addAndGet(lines);
                                errorKind("bulk: " + e);
                                continue;
                            }
                            latencies.add(System.nanoTime() - t);
                            int ok = answer.status() == 200 ? acceptedCount(answer.body()) : 0;
                            accepted.addAndGet(ok);
                            errors.addAndGet(lines - ok);
                            if (ok < lines) {
                                errorKind("bulk: " + (answer.status() == 200 ? problemTypes(answer.body())
                                        : answer.body()));
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double secs = seconds(System.nanoTime() - started);
        return new Result(accepted.get() / secs, accepted.get(), errors.get(), percentiles(latencies));
    }

    private static int acceptedCount(String body) {
        int at = body.indexOf("\"accepted\":");
        int end = body.indexOf(',', at);
        return Integer.parseInt(body.substring(at + 11, end).strip());
    }

    /**
     * One create; its latency counts from {@code due}.
     *
     * @param article encoded once per run: encoding the Bengali JSON per request was a sixth of this JVM's CPU
     */
    private long timed(KeepAliveHttp client, byte[] article, String token, long due,
            ConcurrentLinkedQueue<Long> latencies, AtomicLong errors) {
        try {
            KeepAliveHttp.Answer answer = post(client, "/api/v1/articles", "application/json", article, token);
            long took = System.nanoTime() - due;
            if (answer.status() == 202) {
                latencies.add(took);
            }
            else {
                errors.incrementAndGet();
                errorKind("single: " + answer.status() + " " + answer.body());
            }
            return took;
        }
        catch (RuntimeException e) {
            errors.incrementAndGet();
            errorKind("single: " + e);
            return System.nanoTime() - due;
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

    /**
     * Bytes encoded once: a bulk body is 10 MB, and encoding it per request put another humongous array into
     * the heap the service shares with this client.
     */
    private static KeepAliveHttp.Answer post(KeepAliveHttp client, String path, String type, byte[] body, String token) {
        try {
            return client.exchange("POST", path, List.of("Authorization: Bearer " + token, "Content-Type: " + type),
                    body);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    /**
     * A blocking keep-alive connection per client thread: the JDK's {@code HttpClient} used 17 % of this JVM's
     * CPU at the single-ingest peak (its selector and worker threads, 2026-11-29), on the two cores the
     * service needs.
     */
    private static KeepAliveHttp client(int port) {
        return new KeepAliveHttp(URI.create("http://localhost:" + port), 120_000);
    }

    /** The seed article with a body of the seed page's words, about {@code RECORD_BYTES} in all (see {@link SeedWords}). */
    private static String seedSizedArticle() {
        int baseBytes = seedWithBody("").getBytes(StandardCharsets.UTF_8).length;
        return seedWithBody(SeedWords.bodyHtml(RECORD_BYTES - baseBytes, 1));
    }
}
