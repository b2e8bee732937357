package news.prokash.ranking;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.Edition;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.FreePorts;
import news.prokash.harness.Infrastructure;
import news.prokash.harness.JitWarmUp;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./prokash bench ranking-service}: replays a recorded stream of views (Zipf popularity over
 * thousands of articles, many visitors) through the real service and prints
 * <ul>
 * <li>views/s through the topology (decode, bots, dedup, hourly counts) beside the raw Kafka
 * consumer rate for the same records and a Redis sorted-set leaderboard (ZINCRBY per view, no
 * dedup), one at a time and pipelined;</li>
 * <li>view-to-list delay (a view produced until {@code GET /popular} shows it) and
 * {@code GET /popular} latency at a fixed request rate, both while views keep arriving.</li>
 * </ul>
 * Sizes: {@code -Dprokash.bench.views} (2,000,000), {@code .articles} (5,000), {@code .visitors}
 * (500,000), {@code .rate} (2,000 requests/s), {@code .seconds} (20), {@code .traffic} (1,000 views/s
 * meanwhile), {@code .stream-threads} (the service's setting), {@code .warm-up-runs} (2: instances that replay the
 * stream in the same JVM before the measured one), {@code .against} and {@code .pairs} (see
 * {@link #compareAgainst}). Never fails on speed.
 */
class RankingBenchmark {

    private static final int VIEWS = Integer.getInteger("prokash.bench.views", 2_000_000);

    private static final int ARTICLES = Integer.getInteger("prokash.bench.articles", 5_000);

    private static final int VISITORS = Integer.getInteger("prokash.bench.visitors", 500_000);

    private static final int RATE = Integer.getInteger("prokash.bench.rate", 2_000);

    private static final int SECONDS = Integer.getInteger("prokash.bench.seconds", 20);

    /** Views per second arriving while delays and latencies are measured. */
    private static final int TRAFFIC = Integer.getInteger("prokash.bench.traffic", 1_000);

    /** Service instances that replay the stream (and print their rate) before the one measured. */
    private static final int WARM_UP_RUNS = Integer.getInteger("prokash.bench.warm-up-runs", 2);

    private static final int RAW_PASSES = 3;

    /** A service property to compare with the service as configured ({@link #compareAgainst}); empty: none. */
    private static final String AGAINST = System.getProperty("prokash.bench.against", "");

    private static final int PAIRS = Integer.getInteger("prokash.bench.pairs", 3);

    /** Stream threads of the service under test; unset: the service's own setting. */
    private static final String STREAM_THREADS = System.getProperty("prokash.bench.stream-threads", "");

    private static final double ZIPF_EXPONENT = 1.0;

    private static final int ONE_AT_A_TIME = Math.min(VIEWS, 300_000);

    private static final String PROBE_SECTION = "probe";

    private static final Path WORK = Path.of("target", "bench").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrap = Infrastructure.kafka().bootstrapServers();

    @Test
    void replayViews() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        say("ranking benchmark, %s, %d cores, load average %s", Instant.now(), Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        createTopics();
        publishArticles();
        int[] articleOf = zipfSequence();
        long recordBytes = produceViews(articleOf);

        // A pass takes one or two seconds, and single passes varied 1.0–2.9 million/s: the median of three. Two
        // consumers (three partitions each, in parallel) show whether one consumer is the machine's limit; the
        // ratios below are against the faster of the two.
        double oneConsumer = rawMedian(1, recordBytes);
        double twoConsumers = rawMedian(2, recordBytes);
        double raw = Math.max(oneConsumer, twoConsumers);
        say("raw Kafka consumer: %,.0f records/s (the faster of one and two consumers: %.2fx)", raw,
                twoConsumers / oneConsumer);

        double floor = streamsFloorRate(false);
        say("Kafka Streams floor (same records, exactly-once, commit 1 s, 1 stream thread, a processor that only counts):"
                + " %,.0f records/s = %.0f%% of the raw consumer", floor, 100 * floor / raw);
        double storeFloor = streamsFloorRate(true);
        say("  … and one put per record into a RocksDB window store with changelog (a dedup with a store entry per reader):"
                + " %,.0f records/s = %.0f%% of the raw consumer", storeFloor, 100 * storeFloor / raw);

        double[] redis = redisRates(articleOf);

        // A freshly started JVM compiles while it counts (and while Spring still starts): what a new deployment does
        // with a backlog, but not the rate of a service that has been running. So the same records go through
        // WARM_UP_RUNS instances first, each with its own application id (empty state, the topic read from the
        // start), and the rate is that of the next one, in the JVM they warmed up.
        for (int run = 1; run <= WARM_UP_RUNS; run++) {
            try (ConfigurableApplicationContext warmUp = startService(FreePorts.pick())) {
                double topology = topologyRate(warmUp);
                say("topology, warm-up run %d of %d (a fresh instance, empty state): %,.0f views/s = %.0f%% of the raw"
                        + " consumer", run, WARM_UP_RUNS, topology, 100 * topology / raw);
            }
        }
        if (!AGAINST.isEmpty()) {
            compareAgainst(raw);
        }
        int port = FreePorts.pick();
        try (ConfigurableApplicationContext app = startService(port)) {
            double topology = topologyRate(app);
            say("topology (the service after %d warm-up run(s), empty state, %d stream thread(s)): %,.0f views/s = %.0f%% of"
                    + " the raw consumer, %.0f%% of the Kafka Streams floor", WARM_UP_RUNS, streamThreads(app), topology,
                    100 * topology / raw, 100 * topology / floor);
            if (redis.length > 0) {
                say("redis ZINCRBY one at a time: %,.0f/s (topology %.2fx); pipelined (1,000): %,.0f/s (topology %.2fx)",
                        redis[0], topology / redis[0], redis[1], topology / redis[1]);
            }
            underLoad(port, app.getBean(MeterRegistry.class));
        }
    }

    /**
     * {@code -Dprokash.bench.against=property=value}: the service as configured and the service with that one
     * property changed, alternately in the same warm JVM ({@code .pairs} times each), so a setting is compared
     * within minutes on one machine state rather than across runs (the machine's speed moves by half between runs).
     */
    private void compareAgainst(double raw) throws Exception {
        List<Double> baseline = new ArrayList<>();
        List<Double> changed = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
            for (boolean change : new boolean[] { pair % 2 == 0, pair % 2 != 0 }) {
                try (ConfigurableApplicationContext app = change ? startService(FreePorts.pick(), "--" + AGAINST)
                        : startService(FreePorts.pick())) {
                    double rate = topologyRate(app);
                    (change ? changed : baseline).add(rate);
                    say("pair %d, %s: %,.0f views/s = %.0f%% of the raw consumer", pair, change ? AGAINST : "as configured",
                            rate, 100 * rate / raw);
                }
            }
        }
        double base = median(baseline);
        double with = median(changed);
        say("as configured: %s, median %,.0f views/s; with %s: %s, median %,.0f views/s; ratio %.2f",
                rates(baseline), base, AGAINST, rates(changed), with, with / base);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> rates(List<Double> values) {
        return values.stream().map(r -> "%,.0f".formatted(r)).toList();
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.ARTICLES, Topics.PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(Topics.VIEWS, Topics.PARTITIONS, (short) 1))).all().get();
        }
    }

    private void publishArticles() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < ARTICLES; i++) {
                producer.send(articleRecord(articleId(i), "bench"));
            }
            producer.flush();
        }
    }

    /** Which article each view is of: rank r with probability proportional to 1/r^s. */
    private static int[] zipfSequence() {
        double[] cdf = new double[ARTICLES];
        double sum = 0;
        for (int r = 0; r < ARTICLES; r++) {
            sum += 1 / Math.pow(r + 1, ZIPF_EXPONENT);
            cdf[r] = sum;
        }
        SplittableRandom random = new SplittableRandom(7);
        int[] sequence = new int[VIEWS];
        for (int i = 0; i < VIEWS; i++) {
            int found = Arrays.binarySearch(cdf, random.nextDouble() * sum);
            sequence[i] = Math.min(ARTICLES - 1, found >= 0 ? found : -found - 1);
        }
        return sequence;
    }

    /** The recorded stream: the last two hours of views, in time order, as the website's edge sent them. */
    private long produceViews(int[] articleOf) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        Instant start = Instant.now().minus(Duration.ofHours(2));
        long step = Duration.ofHours(2).toNanos() / VIEWS;
        long bytes = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < VIEWS; i++) {
                String article = articleId(articleOf[i]);
                Instant at = start.plusNanos(step * i);
                byte[] value = EventCodec.encode(new ArticleViewed(article, "visitor-" + random.nextInt(VISITORS), at,
                        null, "Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile"));
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.VIEWS, null, at.toEpochMilli(), article, value));
            }
            producer.flush();
        }
        say("recorded stream: %,d views of %,d articles (Zipf s=%.1f) by %,d visitors, produced at %,.0f/s", VIEWS,
                ARTICLES, ZIPF_EXPONENT, VISITORS, VIEWS / seconds(t0));
        return bytes;
    }

    private double rawMedian(int consumers, long recordBytes) throws Exception {
        List<Double> passes = new ArrayList<>();
        for (int i = 0; i < RAW_PASSES; i++) {
            passes.add(rawConsumerRate(consumers));
        }
        double median = median(passes);
        say("raw Kafka consumer, %d consumer thread(s): %,.0f records/s, median of %d passes %s (%d records, %.0f bytes"
                + " each)", consumers, median, RAW_PASSES, rates(passes), VIEWS, (double) recordBytes / VIEWS);
        return median;
    }

    /** All records of the views topic read from the start, the partitions split between {@code consumers} threads. */
    private double rawConsumerRate(int consumers) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.PARTITIONS; p++) {
            partitions.add(new TopicPartition(Topics.VIEWS, p));
        }
        List<Callable<Long>> readers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int first = c;
            List<TopicPartition> mine = partitions.stream().filter(tp -> tp.partition() % consumers == first).toList();
            readers.add(() -> readAll(mine));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(consumers)) {
            long t0 = System.nanoTime();
            long read = 0;
            for (Future<Long> done : threads.invokeAll(readers)) {
                read += done.get();
            }
            return read / seconds(t0);
        }
    }

    private long readAll(List<TopicPartition> partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read;
        }
    }

    /**
     * What Kafka Streams itself costs per record: the same records through a topology of one
     * processor that only counts them, with the service's exactly-once setting and commit interval.
     * No topology that looks at each view can be faster on this machine. With {@code put}, the
     * processor also writes each record to a persistent window store with a changelog (no cache),
     * keyed like a dedup store with an entry per reader (article and visitor: here the record's key
     * and offset), which is what the service's dedup wrote per view before it kept readers in memory
     * and journaled them by the chunk.
     */
    private double streamsFloorRate(boolean put) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        AtomicLong seen = new AtomicLong();
        String store = "floor-puts";
        if (put) {
            builder.addStateStore(Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(store, Duration.ofHours(2), Duration.ofMinutes(30), false),
                    Serdes.String(), Serdes.Long()).withCachingDisabled());
        }
        builder.stream(Topics.VIEWS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new Processor<String, byte[], Void, Void>() {
                    private @Nullable WindowStore<String, Long> puts;
                    private @Nullable ProcessorContext<Void, Void> context;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        this.context = context;
                        this.puts = put ? context.getStateStore(store) : null;
                    }

                    @Override
                    public void process(Record<String, byte[]> record) {
                        if (puts != null && context != null) {
                            long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
                            puts.put(record.key() + offset, record.timestamp(), record.timestamp());
                        }
                        seen.incrementAndGet();
                    }
                }, put ? new String[] { store } : new String[0]);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranking-bench-floor-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // as the service: one input partition per task, so no waiting for the others (application.yml)
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, WORK.resolve("floor-state").toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (seen.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long t0 = System.nanoTime();
            while (seen.get() < VIEWS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return seen.get() / seconds(t0);
        }
    }

    /** {one at a time, pipelined} ZINCRBY rates on a Debian redis-server on loopback; empty if there is none. */
    private double[] redisRates(int[] articleOf) throws Exception {
        Path binary = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(binary)) {
            say("redis: no /usr/bin/redis-server (apt-get install redis-server): baseline skipped");
            return new double[0];
        }
        int port = FreePorts.pick();
        Path dir = Files.createDirectories(WORK.resolve("redis"));
        Process redis = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--logfile", dir.resolve("redis.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        try {
            Resp resp = Resp.connect(port, Duration.ofSeconds(10));
            long t0 = System.nanoTime();
            for (int i = 0; i < ONE_AT_A_TIME; i++) {
                resp.send("ZINCRBY", "popular", "1", articleId(articleOf[i]));
                resp.flush();
                resp.reply();
            }
            double single = ONE_AT_A_TIME / seconds(t0);
            resp.send("DEL", "popular");
            resp.flush();
            resp.reply();
            t0 = System.nanoTime();
            for (int i = 0; i < VIEWS; i += 1000) {
                int end = Math.min(VIEWS, i + 1000);
                for (int j = i; j < end; j++) {
                    resp.send("ZINCRBY", "popular", "1", articleId(articleOf[j]));
                }
                resp.flush();
                for (int j = i; j < end; j++) {
                    resp.reply();
                }
            }
            double pipelined = VIEWS / seconds(t0);
            resp.close();
            say("redis ZINCRBY (%s, loopback): one at a time %,.0f/s (%,d views), pipelined by 1,000 %,.0f/s (%,d views)",
                    version(binary), single, ONE_AT_A_TIME, pipelined, VIEWS);
            return new double[] { single, pipelined };
        }
        finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private ConfigurableApplicationContext startService(int port, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + bootstrap,
                "--spring.cloud.stream.kafka.streams.binder.functions.viewCounts.application-id=ranking-bench-"
                        + UUID.randomUUID().toString().substring(0, 8),
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + WORK.resolve("state"),
                "--logging.level.root=WARN"));
        if (!STREAM_THREADS.isEmpty()) {
            // the binder turns the binding's concurrency into num.stream.threads (and overrides that setting)
            args.add("--spring.cloud.stream.bindings.viewCounts-in-0.consumer.concurrency=" + STREAM_THREADS);
        }
        args.addAll(List.of(extraArgs));
        say("service stream threads: %s%s", STREAM_THREADS.isEmpty() ? "its own setting" : STREAM_THREADS,
                extraArgs.length == 0 ? "" : ", with " + String.join(" ", extraArgs));
        return new SpringApplicationBuilder(RankingApplication.class).run(args.toArray(String[]::new));
    }

    private static int streamThreads(ConfigurableApplicationContext app) {
        return app.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().stream()
                .map(StreamsBuilderFactoryBean::getKafkaStreams).filter(Objects::nonNull)
                .mapToInt(streams -> streams.metadataForLocalThreads().size()).sum();
    }

    /** From the first view the topology handled to the last one of the recorded stream. */
    private static double topologyRate(ConfigurableApplicationContext app) throws InterruptedException {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        LongSupplier handled = () -> (long) meters.find("prokash.ranking.stream.views").counters().stream()
                .mapToDouble(Counter::count).sum();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (handled.getAsLong() == 0) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        long compiledAtStart = JitWarmUp.compilationMillis();
        long last = 0;
        long halfAt = 0;
        long handledAtHalf = 0;
        long compiledAtHalf = 0;
        while (handled.getAsLong() < VIEWS && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = handled.getAsLong();
            if (now / 500_000 != last / 500_000) {
                say("  … %,d views handled", now);
            }
            if (halfAt == 0 && now >= VIEWS / 2) {
                halfAt = System.nanoTime();
                handledAtHalf = now;
                compiledAtHalf = JitWarmUp.compilationMillis();
            }
            last = now;
        }
        double rate = handled.getAsLong() / seconds(t0);
        if (halfAt != 0) {
            // the service starts cold; its second half shows the rate once the JIT has caught up, as a service
            // that runs for days has it
            say("  first half %,.0f views/s (JIT compilers %,d ms of CPU), second half %,.0f views/s (JIT %,d ms)",
                    handledAtHalf / ((halfAt - t0) / 1e9), compiledAtHalf - compiledAtStart,
                    (handled.getAsLong() - handledAtHalf) / seconds(halfAt),
                    JitWarmUp.compilationMillis() - compiledAtHalf);
        }
        for (String outcome : List.of("counted", "duplicate", "unknown-article", "late", "bot", "future")) {
            Counter counter = meters.find("prokash.ranking.stream.views").tag("outcome", outcome).counter();
            say("  outcome %-16s %,12.0f", outcome, counter == null ? 0 : counter.count());
        }
        return rate;
    }

    /**
     * While views keep arriving (a steady producer), GET /popular at a fixed rate, timed from when
     * each request was due (so a slow answer delays none of the next), and probes: a view of a fresh
     * article in its own section, timed until that section's list shows it.
     */
    private void underLoad(int port, MeterRegistry meters) throws Exception {
        String probes = "probe-" + UUID.randomUUID().toString().substring(0, 6);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 60; i++) {
                producer.send(articleRecord(probes + "-" + i, PROBE_SECTION));
            }
            producer.flush();
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread traffic = Thread.ofPlatform().name("bench-traffic").start(() -> steadyViews(running, TRAFFIC));
        try {
            get(port, "/api/v1/popular"); // the first list of each kind is made on request
            Thread.sleep(2000);
            List<Long> delays = viewToList(port, probes);
            say("view-to-list delay (%d probes, views arriving at %,d/s, list refresh 1s): %s", delays.size(),
                    TRAFFIC, percentiles(delays));
            say("  … each probe in order (ms): %s", delays.stream().map(d -> d / 1000).toList());
            sayListMaking(meters);
            List<List<Long>> info = fixedRate(port, "/actuator/info", Math.min(SECONDS, 10));
            List<List<Long>> popular = fixedRate(port, "/api/v1/popular", SECONDS);
            say("GET /api/v1/popular at %,d req/s for %ds (%d requests): from when due %s; from when sent %s", RATE,
                    SECONDS, popular.get(0).size(), percentiles(popular.get(0)), percentiles(popular.get(1)));
            say("GET /actuator/info at the same rate (the HTTP stack alone): from when due %s; from when sent %s",
                    percentiles(info.get(0)), percentiles(info.get(1)));
        }
        finally {
            running.set(false);
            traffic.join();
        }
    }

    /** How long the service took to make each list so far (it makes a list again at most every second). */
    private static void sayListMaking(MeterRegistry meters) {
        for (Timer timer : meters.find("prokash.ranking.popular.making").timers()) {
            say("  list %-8s made %,d times: mean %,.0f ms, max %,.0f ms", timer.getId().getTag("list"), timer.count(),
                    timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
        }
    }

    private void steadyViews(AtomicBoolean running, int perSecond) {
        SplittableRandom random = new SplittableRandom(13);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long next = System.nanoTime();
            while (running.get()) {
                for (int i = 0; i < perSecond / 100; i++) {
                    String article = articleId(random.nextInt(ARTICLES));
                    Instant now = Instant.now();
                    producer.send(new ProducerRecord<>(Topics.VIEWS, null, now.toEpochMilli(), article,
                            EventCodec.encode(new ArticleViewed(article, "live-" + random.nextInt(VISITORS), now, null, null))));
                }
                next += 10_000_000;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Long> viewToList(int port, String probes) throws Exception {
        List<Long> delays = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 50; i++) {
                String id = probes + "-" + i;
                Instant now = Instant.now();
                long t0 = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.VIEWS, null, now.toEpochMilli(), id,
                        EventCodec.encode(new ArticleViewed(id, "prober", now, null, null))));
                producer.flush();
                long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline) {
                    JsonNode items = JSON.readTree(get(port, "/api/v1/popular?window=1h&limit=50&section=" + PROBE_SECTION)
                            .body()).get("items");
                    boolean seen = false;
                    for (JsonNode item : items) {
                        seen |= item.get("id").asString().equals(id);
                    }
                    if (seen) {
                        delays.add((System.nanoTime() - t0) / 1000);
                        break;
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(150); // so probes fall at different points of the refresh cycle
            }
        }
        return delays;
    }

    /**
     * Latencies in µs of requests due at RATE per second for the given seconds: from when each was
     * due (what a reader waits, queueing in this client included) and from when it was sent.
     */
    private static List<List<Long>> fixedRate(int port, String path, int seconds) throws Exception {
        int threads = 16;
        int perThread = RATE * seconds / threads;
        long intervalNs = 1_000_000_000L * threads / RATE;
        long[][] latencies = new long[threads][perThread];
        long[][] service = new long[threads][perThread];
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + 50_000_000;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
                long due = start + thread * intervalNs / threads;
                for (int i = 0; i < perThread; i++, due += intervalNs) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(Duration.ofNanos(wait));
                        }
                        catch (InterruptedException e) {
                            return;
                        }
                    }
                    long sent = System.nanoTime();
                    try {
                        if (HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                    long done = System.nanoTime();
                    latencies[thread][i] = (done - due) / 1000;
                    service[thread][i] = (done - sent) / 1000;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            say("  %s: %d requests failed", path, failures.get());
        }
        return List.of(flatten(latencies), flatten(service));
    }

    private static List<Long> flatten(long[][] perThread) {
        List<Long> all = new ArrayList<>();
        for (long[] thread : perThread) {
            for (long latency : thread) {
                all.add(latency);
            }
        }
        return all;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String percentiles(List<Long> micros) {
        if (micros.isEmpty()) {
            return "no samples";
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return "p50 %s, p90 %s, p99 %s, max %s".formatted(ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                ms(sorted, 1.0));
    }

    private static String ms(long[] sorted, double quantile) {
        long value = sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        return "%.1f ms".formatted(value / 1000.0);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> articleRecord(String id, String section) {
        OffsetDateTime published = OffsetDateTime.now(ZoneOffset.ofHours(6)).minusDays(1);
        Article article = new Article(id, 1, ArticleStatus.PUBLISHED, "শিরোনাম " + id, null, null, "<p>…</p>", "…",
                section, List.of(), "ডেস্ক", Edition.ONLINE, "bn", published, published, null, null, id,
                "https://prokash.example/" + section + "/" + id);
        return new ProducerRecord<>(Topics.ARTICLES, id, EventCodec.encode(new ArticlePublished(id, 1, Instant.now(), article)));
    }

    private static String articleId(int rank) {
        return "article-" + rank;
    }

    private static String version(Path redis) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(redis.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out.replaceAll(".*(v=[0-9.]+).*", "redis $1");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench] " + format.formatted(args));
    }

    /** Just enough RESP (the Redis protocol) for commands and their replies. */
    private static final class Resp implements AutoCloseable {

        private final Socket socket;

        private final OutputStream out;

        private final InputStream in;

        private Resp(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        static Resp connect(int port, Duration patience) throws Exception {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                try {
                    Socket socket = new Socket("127.0.0.1", port);
                    socket.setTcpNoDelay(true);
                    return new Resp(socket);
                }
                catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }
        }

        void send(String... parts) throws IOException {
            out.write(("*" + parts.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write('\r');
                out.write('\n');
            }
        }

        void flush() throws IOException {
            out.flush();
        }

        /** Reads one reply (simple, integer, error or bulk string) and drops it. */
        void reply() throws IOException {
            int type = in.read();
            String line = line();
            switch (type) {
                case '$' -> {
                    int length = Integer.parseInt(line);
                    if (length >= 0) {
                        in.skipNBytes(length + 2L);
                    }
                }
                case '-' -> throw new IOException("redis: " + line);
                case '+', ':' -> {
                }
                default -> throw new IOException("unexpected reply type " + type);
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                line.append((char) c);
            }
            in.read(); // \n
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
