package news.prokash.platform;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import news.prokash.harness.ChildProcesses;
import news.prokash.harness.ElasticsearchEndpoint;
import news.prokash.harness.ElasticsearchNode;
import news.prokash.harness.KafkaBroker;
import news.prokash.harness.KafkaEndpoint;
import news.prokash.harness.PostgresEndpoint;
import news.prokash.harness.PostgresServer;
import news.prokash.platform.FaultLedger.Article;
import news.prokash.platform.FaultLedger.State;
import news.prokash.platform.FaultLedger.Status;
import news.prokash.platform.FaultTraffic.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: the whole platform on servers of its own (the e2e class's are shared by the JVM
 * and must not be stopped), a steady stream of article changes and views, and in turn a kill -9 of
 * each service and a restart of Kafka (these run in CI); with {@code -Dprokash.faults=all}
 * ({@code ./prokash faults}) also Elasticsearch and PostgreSQL restarts and a search index rebuild
 * killed mid-way and run again while search-service itself is killed. After each fault, once all
 * four are ready, the stream pauses and the suite polls until every accepted change is stored once
 * at its final version and searchable at it, nothing else is, and the popular counts equal a recount
 * of the accepted views. Recovery times and counts go to {@code target/fault-report.md}. With
 * {@code -Dprokash.faults=kafka} the service kills other than ranking-service's make way for Kafka restarts one after
 * another.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIntegrationTests {

    private static final int VIEW_TARGETS = 30;
    // each fault's views go to articles of a section of its own: a count lost in one case is not
    // blamed on the next (ingest's sections; the churn of changes stays in "international", unviewed)
    private static final List<String> SECTIONS = List.of("national", "politics", "economy", "sports", "entertainment",
            "lifestyle", "jobs", "opinion", "international");
    // the stream runs this long before each fault and after the platform is ready again
    private static final Duration STEADY = Duration.ofSeconds(3);
    private static final Duration CONSISTENT_WITHIN = Duration.ofMinutes(5);

    private static Path dir;
    private static KafkaBroker kafka;
    private static ElasticsearchNode elasticsearch;
    private static PostgresServer postgres;
    private static Platform platform;
    private static FaultLedger ledger;
    private static FaultTraffic traffic;
    private static final List<String> report = new CopyOnWriteArrayList<>();
    // sections whose counts are recounted at every check (a failed case's section is left out after it)
    private static final List<String> checkedSections = new CopyOnWriteArrayList<>();
    private static int nextSection;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path repoRoot = PlatformSettings.findRepoRoot();
        dir = repoRoot.resolve("local-platform/target/faults");
        ChildProcesses.deleteRecursively(dir.resolve("platform"));
        // the three servers boot side by side: Elasticsearch alone takes most of a minute here
        CompletableFuture<ElasticsearchNode> es = CompletableFuture.supplyAsync(
                () -> ElasticsearchNode.startClean(dir.resolve("elasticsearch"), 0));
        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(
                () -> PostgresServer.startClean(dir.resolve("postgres"), 0));
        kafka = KafkaBroker.startClean(dir.resolve("kafka"), 0);
        postgres = pg.join();
        elasticsearch = es.join();
        platform = Platform.start(PlatformSettings.anyFreePorts(repoRoot, dir.resolve("platform")), new Platform.Servers(
                new KafkaEndpoint(kafka.bootstrapServers()), new ElasticsearchEndpoint(elasticsearch.uri()),
                new PostgresEndpoint(postgres.jdbcUrl(), postgres.username(), postgres.password())), System.out::println);
        ledger = new FaultLedger();
        traffic = new FaultTraffic(ledger, () -> platform.url("ingest-service"), () -> platform.url("ranking-service"),
                platform.tokens());
        traffic.start();
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (traffic != null) {
            traffic.close();
        }
        if (platform != null) {
            platform.close();
        }
        for (AutoCloseable server : new AutoCloseable[] { kafka, elasticsearch, postgres }) {
            if (server != null) {
                try {
                    server.close();
                }
                catch (Exception e) {
                    System.out.println("stopping " + server + ": " + e.getMessage());
                }
            }
        }
        writeReport();
    }

    @Test
    @Order(0)
    void shouldBeConsistentBeforeAnyFault() throws Exception {
        fault("none (baseline)", () -> {
        });
    }

    @Test
    @Order(1)
    @DisabledIfSystemProperty(named = "prokash.faults", matches = "kafka")
    void shouldLoseNothingWhenIngestServiceIsKilled() throws Exception {
        killAndRestart("ingest-service");
    }

    @Test
    @Order(2)
    @DisabledIfSystemProperty(named = "prokash.faults", matches = "kafka")
    void shouldLoseNothingWhenArticleServiceIsKilled() throws Exception {
        killAndRestart("article-service");
    }

    @Test
    @Order(3)
    @DisabledIfSystemProperty(named = "prokash.faults", matches = "kafka")
    void shouldLoseNothingWhenSearchServiceIsKilled() throws Exception {
        killAndRestart("search-service");
    }

    @Test
    @Order(4)
    void shouldLoseNothingWhenRankingServiceIsKilled() throws Exception {
        killAndRestart("ranking-service");
    }

    @Test
    @Order(5)
    void shouldLoseNothingWhenKafkaRestarts() throws Exception {
        fault("Kafka stopped 10 s, restarted",
                () -> kafka = stopAndStart(kafka, kafka.port(), port -> KafkaBroker.start(dir.resolve("kafka"), port)));
    }

    @Test
    @Order(6)
    @EnabledIfSystemProperty(named = "prokash.faults", matches = "all")
    void shouldLoseNothingWhenElasticsearchRestarts() throws Exception {
        fault("Elasticsearch stopped 10 s, restarted",
                () -> elasticsearch = stopAndStart(elasticsearch, elasticsearch.port(), port -> ElasticsearchNode.start(dir.resolve("elasticsearch"), port)));
    }

    @Test
    @Order(7)
    @EnabledIfSystemProperty(named = "prokash.faults", matches = "all")
    void shouldLoseNothingWhenPostgresRestarts() throws Exception {
        fault("PostgreSQL stopped 10 s, restarted",
                () -> postgres = stopAndStart(postgres, postgres.port(), port -> PostgresServer.start(dir.resolve("postgres"), port)));
    }

    /**
     * search-service's rebuild runs beside the live service (article-service's replay needs the
     * service stopped and a schema swap by hand), so it is the one a fault can hit mid-way.
     */
    @Test
    @Order(8)
    @EnabledIfSystemProperty(named = "prokash.faults", matches = "all")
    void shouldLoseNothingWhenAnIndexRebuildIsKilledAndSearchServiceDiesDuringTheNextOne() throws Exception {
        fault("search rebuild killed mid-way; rerun, search-service killed during it", () -> {
            ServiceProcess first = rebuild("search-rebuild-1");
            awaitLogLine(first, "Rebuilding into");
            first.kill();
            assertThat(Files.readString(first.log())).as("the first rebuild was killed before its alias swap")
                    .doesNotContain("Rebuild done");
            ServiceProcess second = rebuild("search-rebuild-2");
            awaitLogLine(second, "Rebuilding into");
            platform.kill("search-service");
            platform.restart("search-service");
            assertThat(second.awaitExit(Duration.ofMinutes(5))).as("exit code of the second rebuild, log "
                    + second.log()).hasValue(0);
        });
    }

    /**
     * {@code -Dprokash.faults=kafka}: after the ranking-service kill and the first Kafka restart, Kafka restarts again
     * for every section left (seven in all). A rare loss shows up here within minutes rather than once in many CI
     * runs: how the Kafka Streams corrupted-task loss (ranking-service README, "Limits") was caught.
     */
    @Test
    @Order(9)
    @EnabledIfSystemProperty(named = "prokash.faults", matches = "kafka")
    void shouldLoseNothingWhenKafkaRestartsAgainAndAgain() throws Exception {
        while (nextSection < SECTIONS.size()) {
            shouldLoseNothingWhenKafkaRestarts();
        }
    }

    /** A clean stop, 10 s down, then a start on the same data dir and port. */
    private static <S extends AutoCloseable> S stopAndStart(S server, int port, IntFunction<S> start) throws Exception {
        server.close();
        Thread.sleep(10_000);
        return start.apply(port);
    }

    private static ServiceProcess rebuild(String job) throws IOException {
        return platform.startJob("search-service", job, Map.of("spring.profiles.active", "rebuild"));
    }

    private static void awaitLogLine(ServiceProcess job, String line) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!job.isAlive() && !Files.readString(job.log()).contains(line)) {
                throw new IllegalStateException(job.name() + " ended early:\n" + ChildProcesses.tail(job.log(), 40));
            }
            return Files.exists(job.log()) && Files.readString(job.log()).contains(line);
        });
    }

    private static void killAndRestart(String service) throws Exception {
        fault("kill -9 " + service + ", restart", () -> {
            platform.kill(service);
            Thread.sleep(1_000); // the stream meets a dead service for a while, as behind a load balancer
            platform.restart(service);
        });
    }

    interface Injection {

        void run() throws Exception;
    }

    /** Injects the fault under the running stream, then measures until ready and until consistent. */
    private static void fault(String name, Injection injection) throws Exception {
        String section = SECTIONS.get(nextSection++);
        traffic.createViewTargets(VIEW_TARGETS, section);
        checkedSections.add(section);
        Thread.sleep(STEADY.toMillis());
        long injected = System.nanoTime();
        injection.run();
        platform.awaitReady();
        long ready = System.nanoTime();
        Thread.sleep(STEADY.toMillis());
        Counts counts;
        traffic.pause();
        try {
            Counts[] last = new Counts[1];
            await().atMost(CONSISTENT_WITHIN).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .untilAsserted(() -> {
                        last[0] = check();
                        assertThat(last[0].wrong()).as("after fault '" + name + "', first mismatches of "
                                + last[0].wrong().size()).isEmpty();
                    });
            counts = last[0];
        }
        catch (org.awaitility.core.ConditionTimeoutException e) {
            checkedSections.remove(section);
            printRankingDiagnostics();
            throw e;
        }
        finally {
            traffic.resume();
        }
        long consistent = System.nanoTime();
        String row = String.format("| %s | %.1f | %.1f | %d | %d | %d | %d / %d | %d (%d exact) |", name,
                (ready - injected) / 1e9, (consistent - injected) / 1e9, ledger.changesAccepted.get(),
                ledger.changesInDoubt.get(), counts.articles(), ledger.viewsAccepted.get(), ledger.viewsInDoubt.get(),
                counts.viewTargets(), counts.exactTargets());
        report.add(row);
        System.out.println("fault suite: " + row);
        assertThat(ledger.unexpectedRefusals).as("changes refused although the suite's ledger says they were valid")
                .isEmpty();
    }

    /**
     * What ranking-service counted (its stream-side outcomes say whether a view was dropped as late, a duplicate...)
     * and the errors it logged: a CI log keeps only the suite's output, not the services' logs.
     */
    private static void printRankingDiagnostics() {
        try {
            Answer metrics = traffic.get(platform.url("ranking-service") + "/actuator/prometheus");
            metrics.body().lines().filter(line -> line.startsWith("prokash_ranking_"))
                    .forEach(line -> System.out.println("ranking metric: " + line));
            try (var lines = Files.lines(platform.log("ranking-service"))) {
                lines.filter(line -> line.contains(" ERROR ") || line.contains("Kafka Streams"))
                        .limit(60).forEach(line -> System.out.println("ranking log: " + line));
            }
        }
        catch (IOException | RuntimeException e) {
            System.out.println("ranking diagnostics: " + e);
        }
    }

    record Counts(List<String> wrong, int articles, int viewTargets, int exactTargets) {
    }

    /** Everything the ledger says, against what the services answer; the mismatches (at most 20). */
    private static Counts check() {
        List<String> wrong = new ArrayList<>();
        String articles = platform.url("article-service");
        Map<String, String> published = new HashMap<>();
        int checked = 0;
        for (Article article : ledger.articles()) {
            String id = article.id;
            if (id == null) {
                continue;
            }
            checked++;
            Answer answer = traffic.get(articles + "/api/v1/articles/" + id);
            State seen = switch (answer.status()) {
                case 200 -> new State(Long.parseLong(answer.etag().replace("\"", "")), Status.PUBLISHED,
                        Http.JSON.readTree(answer.body()).get("headline").asString());
                case 404 -> new State(-1, Status.UNPUBLISHED, "");
                case 410 -> new State(-1, Status.DELETED, "");
                default -> null;
            };
            List<State> allowed = article.allowed();
            boolean fits = seen != null && allowed.stream().anyMatch(state -> state.status() == seen.status()
                    && (seen.status() != Status.PUBLISHED || state.equals(seen)));
            if (!fits) {
                wrong.add("article-service has " + id + " as " + (seen == null ? answer.status() + " " + answer.body()
                        : seen) + "; the ledger allows " + allowed);
                continue;
            }
            if (seen.status() == Status.PUBLISHED) {
                published.put(id, seen.headline());
                List<Long> versions = new ArrayList<>();
                Http.JSON.readTree(traffic.get(articles + "/api/v1/articles/" + id + "/versions").body()).get("items")
                        .forEach(item -> versions.add(item.get("version").asLong()));
                if (versions.isEmpty() || versions.getLast() != seen.version()
                        || versions.stream().distinct().count() != versions.size()) {
                    wrong.add("history of " + id + " is " + versions + " for version " + seen.version());
                }
            }
        }
        // every article the store lists and the index finds: the ledger's, or a create in doubt, once
        Map<String, String> listed = all(articles + "/api/v1/articles/latest?limit=50");
        Map<String, String> searchable = all(platform.url("search-service") + "/api/v1/search?q="
                + FaultTraffic.MARKER + "&sort=newest&limit=50");
        Map<String, String> doubtfulCreates = new HashMap<>();
        ledger.doubtfulCreates().forEach(create -> doubtfulCreates.put(create.headline(), create.token()));
        Map<String, String> createdOnce = new HashMap<>();
        listed.forEach((id, headline) -> {
            String token = doubtfulCreates.get(headline);
            if (!published.containsKey(id) && token == null) {
                wrong.add("article-service lists " + id + " '" + headline + "', which no accepted or doubtful change made");
            }
            if (token != null && createdOnce.put(token, id) != null) {
                wrong.add("create in doubt '" + headline + "' stored twice: " + id + " and " + createdOnce.get(token));
            }
        });
        published.forEach((id, headline) -> {
            if (!headline.equals(listed.get(id))) {
                wrong.add("the latest list has " + id + " as '" + listed.get(id) + "', by id '" + headline + "'");
            }
        });
        listed.forEach((id, headline) -> {
            if (!headline.equals(searchable.get(id))) {
                wrong.add("search has " + id + " as '" + searchable.get(id) + "', article-service '" + headline + "'");
            }
        });
        searchable.forEach((id, headline) -> {
            if (!listed.containsKey(id)) {
                wrong.add("search finds " + id + " '" + headline + "', which article-service does not publish");
            }
        });
        // popular: every view target's distinct visitors, in the range the ledger allows
        Map<String, Long> popular = new LinkedHashMap<>();
        for (String section : checkedSections) {
            Http.JSON.readTree(traffic.get(platform.url("ranking-service") + "/api/v1/popular?window=24h&limit=50"
                    + "&section=" + section).body()).get("items")
                    .forEach(item -> popular.put(item.get("id").asString(), item.get("views").asLong()));
        }
        Map<String, long[]> expected = ledger.expectedViewCounts();
        int targets = 0;
        int exact = 0;
        for (Article article : ledger.articles()) {
            if (!article.viewTarget || !checkedSections.contains(article.viewSection)) {
                continue;
            }
            targets++;
            long[] range = expected.getOrDefault(article.id, new long[2]);
            exact += range[0] == range[1] ? 1 : 0;
            long shown = popular.getOrDefault(article.id, 0L);
            if (shown < range[0] || shown > range[1]) {
                wrong.add("popular shows " + article.id + " with " + shown + " views; the recount says "
                        + (range[0] == range[1] ? range[0] : range[0] + ".." + range[1]) + " (views sent: "
                        + ledger.viewHistory(article.id) + ")");
            }
            popular.remove(article.id);
        }
        popular.forEach((id, views) -> wrong.add("popular lists " + id + " (" + views + "), which got no views"));
        return new Counts(wrong.subList(0, Math.min(20, wrong.size())), checked, targets, exact);
    }

    /** id → headline of every item, following {@code nextCursor}. */
    private static Map<String, String> all(String url) {
        Map<String, String> items = new LinkedHashMap<>();
        String cursor = null;
        do {
            Answer answer = traffic.get(cursor == null ? url
                    : url + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(200);
            JsonNode page = Http.JSON.readTree(answer.body());
            page.get("items").forEach(item -> items.put(item.get("id").asString(), item.get("headline").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        }
        while (cursor != null);
        return items;
    }

    private static void writeReport() throws IOException {
        if (report.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("# Fault suite, " + Instant.now() + "\n\n"
                + "Times in seconds from the fault's injection. Counts are totals since the suite started; "
                + "articles = articles checked by id; views = accepted / in doubt; "
                + "view targets = articles whose popular count was recounted.\n\n"
                + "| fault | → all four ready | → all checks pass | changes accepted | changes in doubt "
                + "| articles | views | view targets |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        report.forEach(row -> text.append(row).append('\n'));
        text.append("\nBare 5xx answers (no Retry-After): ").append(ledger.bareServerErrors.get())
                .append("; changes refused: ").append(ledger.changesRefused.get())
                .append(" (connection refused while a service was down); views refused: ")
                .append(ledger.viewsRefused.get()).append('\n');
        ledger.bareServerErrorSamples.forEach(sample -> text.append("- ").append(sample).append('\n'));
        Path file = dir.getParent().resolve("fault-report.md");
        Files.writeString(file, text);
        System.out.println(text);
    }
}
