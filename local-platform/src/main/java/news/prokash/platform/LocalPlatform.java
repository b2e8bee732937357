package news.prokash.platform;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import news.prokash.harness.ElasticsearchEndpoint;
import news.prokash.harness.ElasticsearchNode;
import news.prokash.harness.KafkaBroker;
import news.prokash.harness.KafkaEndpoint;
import news.prokash.harness.PostgresEndpoint;
import news.prokash.harness.PostgresServer;

/**
 * {@code ./prokash run}: Kafka, Elasticsearch and PostgreSQL on fixed ports, the four services,
 * demo content, and how to call it all; Ctrl-C stops everything. {@code ./prokash stop} stops
 * what a crashed run left behind.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        PlatformSettings settings = PlatformSettings.local(PlatformSettings.findRepoRoot());
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> run(settings);
            case "stop" -> stopLeftovers(settings);
            case "load" -> System.exit(LoadCommand.run(settings.repoRoot(), Arrays.copyOfRange(args, 1, args.length)));
            default -> {
                System.err.println("usage: local-platform run|stop|load [--minutes=10 --rate.view=200 …]");
                System.exit(2);
            }
        }
    }

    private static void run(PlatformSettings settings) throws Exception {
        long t0 = System.nanoTime();
        Path work = settings.workDir();
        List<AutoCloseable> toClose = new CopyOnWriteArrayList<>(); // the shutdown hook reads it
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Prokash…");
            closeAll(toClose);
            stopped.countDown();
        }, "prokash-shutdown"));
        try {
            System.out.println("Starting Prokash in " + work + " (fresh data on every run)");
            // a crashed earlier run may still hold the service ports
            for (String service : Platform.SERVICES) {
                ServiceProcess.killLeftover(service, work.resolve(service).resolve(service + ".pid"));
            }
            KafkaBroker kafka = step("Kafka", () -> KafkaBroker.startClean(work.resolve("kafka"), settings.kafkaPort()));
            toClose.add(0, kafka);
            ElasticsearchNode elasticsearch = step("Elasticsearch",
                    () -> ElasticsearchNode.startClean(work.resolve("elasticsearch"), settings.elasticsearchPort()));
            toClose.add(0, elasticsearch);
            PostgresEndpoint postgres = postgres(settings, toClose);

            System.out.println("Starting the services (about a minute on two cores)…");
            Platform platform = new Platform(settings);
            toClose.add(0, platform);
            platform.start(new Platform.Servers(new KafkaEndpoint(kafka.bootstrapServers()),
                    new ElasticsearchEndpoint(elasticsearch.uri()), postgres), System.out::println);

            System.out.println("Loading demo content (the seed article and the 20 headlines of its lists)…");
            DemoContent.Loaded demo = DemoContent.load(platform.url("ingest-service"), platform.tokens().admin(),
                    platform.url("article-service"), platform.url("ranking-service"));
            printWelcome(platform, demo, (System.nanoTime() - t0) / 1_000_000_000);
        }
        catch (Exception e) {
            System.err.println("\nProkash did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static PostgresEndpoint postgres(PlatformSettings settings, List<AutoCloseable> toClose) throws Exception {
        if (settings.externalJdbcUrl() != null) {
            System.out.println("  PostgreSQL       given by PROKASH_DB_URL: " + settings.externalJdbcUrl());
            return new PostgresEndpoint(settings.externalJdbcUrl(), envOr("PROKASH_DB_USER", "prokash"),
                    envOr("PROKASH_DB_PASSWORD", ""));
        }
        PostgresServer server = step("PostgreSQL",
                () -> PostgresServer.startClean(settings.workDir().resolve("postgres"), settings.postgresPort()));
        toClose.add(0, server);
        return new PostgresEndpoint(server.jdbcUrl(), server.username(), server.password());
    }

    interface Starter<T> {
        T start() throws Exception;
    }

    private static <T> T step(String name, Starter<T> starter) throws Exception {
        System.out.printf("  %-16s starting…%n", name);
        long t0 = System.nanoTime();
        T server = starter.start();
        System.out.printf("  %-16s ready: %s (%d ms)%n", name, server, (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    private static void printWelcome(Platform platform, DemoContent.Loaded demo, long seconds) {
        String ingest = platform.url("ingest-service").replace("127.0.0.1", "localhost");
        String article = platform.url("article-service").replace("127.0.0.1", "localhost");
        String search = platform.url("search-service").replace("127.0.0.1", "localhost");
        String ranking = platform.url("ranking-service").replace("127.0.0.1", "localhost");
        System.out.println("""

                Prokash is ready (%d s). Demo: the seed article is %s

                  ingest-service   %s   POST /api/v1/articles
                  article-service  %s   GET  /api/v1/articles/{id}, /api/v1/articles/latest
                  search-service   %s   GET  /api/v1/search?q=
                  ranking-service  %s   POST /api/v1/views, GET /api/v1/popular
                  each also serves /actuator/health and /actuator/prometheus

                Editors' tokens (valid 12 h; signed by a key made for this run):
                  export PROKASH_EDITOR_TOKEN='%s'
                  export PROKASH_ADMIN_TOKEN='%s'

                Try:
                  curl -s '%s/api/v1/articles/%s'
                  curl -s '%s/api/v1/articles/latest?limit=5'
                  curl -s --get '%s/api/v1/search' --data-urlencode 'q=রাশিয়া'
                  curl -s '%s/api/v1/popular?limit=5'
                  curl -s -X POST '%s/api/v1/views' -H 'Content-Type: application/json' -d '{"articleId":"%s","visitorId":"me"}'
                  curl -s -X POST '%s/api/v1/articles' -H "Authorization: Bearer $PROKASH_EDITOR_TOKEN" \\
                       -H 'Content-Type: application/json' -d @local-platform/src/main/resources/demo/seed-article.json

                Logs: .prokash/<service>/<service>.log. Stop with Ctrl-C.
                """.formatted(seconds, demo.seedId(), ingest, article, search, ranking, platform.tokens().editor(),
                platform.tokens().admin(), article, demo.seedId(), article, search, ranking, ranking, demo.seedId(), ingest));
    }

    private static void stopLeftovers(PlatformSettings settings) throws Exception {
        Path work = settings.workDir();
        for (String service : Platform.SERVICES) {
            ServiceProcess.killLeftover(service, work.resolve(service).resolve(service + ".pid"));
        }
        KafkaBroker.stopLeftover(work.resolve("kafka"));
        ElasticsearchNode.stopLeftover(work.resolve("elasticsearch"));
        PostgresServer.stopLeftover(work.resolve("postgres"));
        System.out.println("Stopped whatever an earlier run left in " + work);
    }

    static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            }
            catch (Exception e) {
                System.err.println("  could not stop " + resource + ": " + e.getMessage());
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
