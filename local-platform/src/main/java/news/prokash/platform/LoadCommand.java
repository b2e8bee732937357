package news.prokash.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import news.prokash.harness.ElasticsearchEndpoint;
import news.prokash.harness.ElasticsearchNode;
import news.prokash.harness.FreePorts;
import news.prokash.harness.KafkaBroker;
import news.prokash.harness.KafkaEndpoint;
import news.prokash.harness.PostgresEndpoint;
import news.prokash.harness.PostgresServer;

/**
 * {@code ./prokash load}: the whole platform on this machine (real Kafka, Elasticsearch, PostgreSQL, the
 * four services with 512 MB heaps each, in {@code .prokash/load} on free ports, so a running
 * {@code ./prokash run} is not disturbed), a corpus of articles, then the mix of {@link LoadMix} for ten
 * minutes. Prints and writes {@code .prokash/load/load-report.md}; exits 1 if the run did not hold
 * (unexpected answers, growing lag or heap).
 */
final class LoadCommand {

    static final String HEAP = "512m";

    private LoadCommand() {
    }

    static int run(Path repoRoot, String[] args) throws Exception {
        LoadMix mix = LoadMix.parse(args);
        Path work = repoRoot.resolve(".prokash").resolve("load");
        List<AutoCloseable> toClose = new ArrayList<>();
        Thread stopper = new Thread(() -> LocalPlatform.closeAll(toClose), "prokash-load-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            for (String service : Platform.SERVICES) {
                ServiceProcess.killLeftover(service, work.resolve(service).resolve(service + ".pid"));
            }
            KafkaBroker.stopLeftover(work.resolve("kafka"));
            ElasticsearchNode.stopLeftover(work.resolve("elasticsearch"));
            PostgresServer.stopLeftover(work.resolve("postgres"));

            System.out.println("Starting Kafka, Elasticsearch and PostgreSQL in " + work + "…");
            KafkaBroker kafka = KafkaBroker.startClean(work.resolve("kafka"), FreePorts.pick());
            toClose.add(0, kafka);
            ElasticsearchNode elasticsearch = ElasticsearchNode.startClean(work.resolve("elasticsearch"),
                    FreePorts.pick());
            toClose.add(0, elasticsearch);
            PostgresServer postgres = PostgresServer.startClean(work.resolve("postgres"), FreePorts.pick());
            toClose.add(0, postgres);

            System.out.println("Starting the four services with " + HEAP + " heaps…");
            PlatformSettings settings = new PlatformSettings(repoRoot, work, kafka.port(), elasticsearch.port(),
                    postgres.port(), 0, 0, 0, 0, null, HEAP, Map.of());
            Platform platform = new Platform(settings);
            toClose.add(0, platform);
            platform.start(new Platform.Servers(new KafkaEndpoint(kafka.bootstrapServers()),
                    new ElasticsearchEndpoint(elasticsearch.uri()),
                    new PostgresEndpoint(postgres.jdbcUrl(), postgres.username(), postgres.password())),
                    System.out::println);

            LoadGenerator.Corpus corpus = loadCorpus(platform, mix.corpus());

            Map<String, Long> pids = new LinkedHashMap<>();
            Map<String, String> urls = new LinkedHashMap<>();
            for (String service : Platform.SERVICES) {
                Long pid = ResourceSampler.pidFromFile(work.resolve(service).resolve(service + ".pid"));
                if (pid != null) {
                    pids.put(service, pid);
                }
                urls.put(service, platform.url(service));
            }
            pids.put("kafka", kafka.pid());
            pids.put("elasticsearch", elasticsearch.pid());
            pids.put("postgresql", postgres.pid());
            pids.put("load generator", ProcessHandle.current().pid());

            System.out.printf("Sending %.0f requests/s: %s; warm-up %d s, then %d min measured…%n", mix.totalRate(),
                    mix.rates(), mix.warmUp().toSeconds(), mix.measured().toMinutes());
            LoadGenerator generator = new LoadGenerator(mix, platform, corpus);
            Instant began = Instant.now();
            try (ResourceSampler sampler = new ResourceSampler(pids, urls, kafka.bootstrapServers())) {
                generator.run(sampler::sample);
                sampler.sample();
                LoadReport report = new LoadReport(mix, began, generator.stats(), sampler.samples());
                String text = report.markdown();
                System.out.println();
                System.out.println(text);
                Path file = work.resolve("load-report.md");
                Files.writeString(file, text);
                System.out.println("Written to " + file);
                return report.held() ? 0 : 1;
            }
        }
        finally {
            LocalPlatform.closeAll(toClose);
            toClose.clear();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** The corpus through the bulk API, then waits until article, search and ranking all know its last article. */
    private static LoadGenerator.Corpus loadCorpus(Platform platform, int size) throws InterruptedException {
        System.out.println("Loading " + size + " articles through the bulk API…");
        LoadGenerator.Corpus corpus = new LoadGenerator.Corpus(size);
        Http.Answer answer = Http.send("POST", platform.url("ingest-service") + "/api/v1/articles/bulk",
                platform.tokens().editor(), "application/x-ndjson", corpus.ndjson());
        if (answer.status() != 200) {
            throw new IllegalStateException("bulk load refused: " + answer.status() + " " + answer.body());
        }
        corpus.accepted(answer.json());
        String last = corpus.entries().getLast().id();
        DemoContent.awaitStatus(platform.url("article-service") + "/api/v1/articles/" + last, 200, Duration.ofMinutes(2));
        DemoContent.awaitStatus(platform.url("search-service") + "/api/v1/search/related/" + last, 200, Duration.ofMinutes(2));
        DemoContent.recordView(platform.url("ranking-service"), last, "load-warm-up", Duration.ofMinutes(2));
        return corpus;
    }
}
