package news.prokash.article.article;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.Edition;
import news.prokash.contracts.LeadImage;
import news.prokash.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Read latency and throughput on a store of 100,000 articles, by id and the latest list, through
 * HTTP with concurrent clients beside the same SQL straight against PostgreSQL (the floor); and
 * the lag from an event's time to the first successful read of it under a steady event rate.
 * Run with {@code ./prokash bench article-service}; prints figures, never fails on speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleReadBenchmark extends IntegrationTestBase {

    private static final int ARTICLES = 100_000;

    private static final int CLIENTS = 4;

    private static final int WARM_UP = 2_000;

    /** Articles whose stored body is removed for the by-id comparison line. */
    private static final int RENDERED_ON_READ = 10_000;

    private static final int REQUESTS = 5_000;

    private static final int EVENTS_PER_SECOND = 20;

    private static final int EVENT_SECONDS = 20;

    private static final int WARM_UP_EVENT_SECONDS = 3;

    private static final long READER_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final String CONSUMER_GROUP = "article-service";

    private static final String[] SECTIONS = { "national", "politics", "international", "economy", "sports",
            "entertainment", "lifestyle", "jobs", "opinion" };

    private static final String BODY = "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন। "
            .repeat(3);

    private static final String LATEST_SQL = """
            SELECT id, headline, section, published_at, published_offset_seconds, url,
                   lead_image_url, lead_image_caption, lead_image_credit
            FROM articles WHERE status = 'published' AND published_at <= now()
            ORDER BY published_at DESC, id DESC LIMIT 20""";

    private static final String BY_ID_SQL = """
            SELECT id, version, status, headline, kicker, summary, body_html, body_text, section, tags, byline,
                   edition, language, published_at, published_offset_seconds, updated_at, updated_offset_seconds,
                   lead_image_url, lead_image_caption, lead_image_credit, source, slug, url, published_at <= now() AS due
            FROM articles WHERE id = ?""";

    @Autowired
    DataSource dataSource;

    @Autowired
    ArticleViewJson views;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void shouldMeasureReadsAndEventToReadableLag() throws Exception {
        System.out.printf(Locale.ROOT, "%nArticleReadBenchmark on %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        long loadStart = System.nanoTime();
        bulkLoad();
        System.out.printf(Locale.ROOT, "store: %,d articles loaded with COPY in %.1f s (%,d rows in articles)%n%n",
                ARTICLES, (System.nanoTime() - loadStart) / 1e9,
                jdbc.sql("SELECT count(*) FROM articles").query(Long.class).single());

        String base = "http://localhost:" + port;
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %10s %12s%n", "reads (" + CLIENTS + " clients, " + REQUESTS
                + " each)", "p50 ms", "p90 ms", "p99 ms", "max ms", "req/s", "JVM CPU µs");
        // the service's first 20,000 reads after start are printed on their own: the JIT is still compiling
        // (Tomcat, MVC, Jackson), which the later lines showed costs 2-3x the CPU per request; the target
        // is judged on the same reads once the service is warm, as it is in production
        report("by-id  HTTP, first reads after start", measure(i -> http(base + "/api/v1/articles/bench-" + randomArticle())));
        report("by-id  HTTP GET /articles/{id}", measure(i -> http(base + "/api/v1/articles/bench-" + randomArticle())));
        report("by-id  SQL (floor)", measure(i -> sql(BY_ID_SQL, "bench-" + randomArticle())));
        // the same reads with the body built on every read, as before view_json (rows from before V3
        // still are): the narrow read finds no body, then the full row is read and rendered
        jdbc.sql("UPDATE articles SET view_json = NULL WHERE id IN (SELECT 'bench-' || n FROM generate_series(0, :last) n)")
                .param("last", RENDERED_ON_READ - 1).update();
        report("by-id  HTTP, rendered per read", measure(
                i -> http(base + "/api/v1/articles/bench-" + ThreadLocalRandom.current().nextInt(RENDERED_ON_READ))));
        // and the stored body again, on as many other ids, after it: the JVM is as warm for both
        report("by-id  HTTP, stored (as many ids)", measure(i -> http(base + "/api/v1/articles/bench-"
                + (RENDERED_ON_READ + ThreadLocalRandom.current().nextInt(RENDERED_ON_READ)))));
        report("latest HTTP GET /latest?limit=20", measure(i -> http(base + "/api/v1/articles/latest?limit=20")));
        report("latest SQL (floor)", measure(i -> sql(LATEST_SQL, null)));
        report("latest HTTP ?section=sports", measure(i -> http(base + "/api/v1/articles/latest?limit=20&section=sports")));
        report("latest HTTP ?tag=ট্যাগ-7", measure(i -> http(base + "/api/v1/articles/latest?limit=20&tag=ট্যাগ-7")));
        System.out.println();
        eventToReadable(base);
    }

    @AfterAll
    void removeTheBenchmarkArticles() {
        jdbc.sql("DELETE FROM articles WHERE id LIKE 'bench-%'").update();
        jdbc.sql("DELETE FROM article_versions WHERE id LIKE 'bench-%'").update();
    }

    private void bulkLoad() throws Exception {
        jdbc.sql("DELETE FROM articles WHERE id LIKE 'bench-%'").update();
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("""
                    COPY articles (id, version, status, headline, summary, body_html, body_text, section, tags, byline,
                        edition, language, published_at, published_offset_seconds, updated_at, updated_offset_seconds,
                        lead_image_url, lead_image_caption, lead_image_credit, source, slug, url, view_json)
                    FROM STDIN WITH (FORMAT text)""", new ArticleRows(now, views));
        }
        // what autovacuum does to a live table: visibility map and hint bits set, statistics fresh;
        // without it the first reads of 100,000 just-copied rows set the hint bits and race autovacuum
        jdbc.sql("VACUUM (ANALYZE) articles").update();
    }

    /**
     * The rows as COPY text, generated while COPY reads them (no 100 MB string in memory), with the
     * body the service stores when it applies an event (view_json).
     */
    private static final class ArticleRows extends Reader {

        private final Instant now;

        private final ArticleViewJson views;

        private int next;

        private StringReader current = new StringReader("");

        ArticleRows(Instant now, ArticleViewJson views) {
            this.now = now;
            this.views = views;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = current.read(buffer, offset, length);
            while (read == -1) {
                if (next == ARTICLES) {
                    return -1;
                }
                StringBuilder rows = new StringBuilder(1_000 * 2_500);
                for (int end = Math.min(ARTICLES, next + 1_000); next < end; next++) {
                    rows.append(row(article(next)));
                }
                current = new StringReader(rows.toString());
                read = current.read(buffer, offset, length);
            }
            return read;
        }

        private Article article(int i) {
            String section = SECTIONS[i % SECTIONS.length];
            OffsetDateTime at = OffsetDateTime.ofInstant(now.minusSeconds(30L * i + 1), ZoneOffset.ofHours(6));
            String slug = "bench-article-" + i;
            return new Article("bench-" + i, 1, ArticleStatus.PUBLISHED, "বেঞ্চমার্কের খবর " + i, null, "সারাংশ " + i,
                    "<p>" + BODY + "</p>", BODY, section, List.of("ট্যাগ-" + (i % 50), "ট্যাগ-" + ((i + 7) % 50)),
                    "কালবেলা ডেস্ক", Edition.ONLINE, "bn", at, at,
                    new LeadImage("https://images.example.com/" + i + ".jpg", "ছবি", "সংগৃহীত"), null, slug,
                    "https://www.prokash.news/" + section + "/" + slug);
        }

        private String row(Article a) {
            LeadImage image = Objects.requireNonNull(a.leadImage());
            String at = a.publishedAt().toString();
            return String.join("\t", a.id(), "1", "published", a.headline(), a.summary(), a.bodyHtml(), a.bodyText(),
                    a.section(), "{" + String.join(",", a.tags()) + "}", a.byline(), "online", a.language(), at,
                    "21600", at, "21600", image.url(), image.caption(), image.credit(), "\\N", a.slug(), a.url(),
                    // COPY text format: a backslash is an escape
                    views.render(a).replace("\\", "\\\\")) + "\n";
        }

        @Override
        public void close() {
            current.close();
        }
    }

    private static int randomArticle() {
        return ThreadLocalRandom.current().nextInt(ARTICLES);
    }

    private void http(String uri) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void sql(String query, String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            if (id != null) {
                statement.setString(1, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rs.getString(1);
                    rows++;
                }
                if (rows == 0) {
                    throw new IllegalStateException("no rows");
                }
            }
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param cpuNanos CPU time of this JVM (service and clients, not PostgreSQL) over the timed calls:
     *     unlike latency, it hardly depends on what else the machine runs
     */
    private record Figures(long[] nanos, double seconds, long cpuNanos) {
    }

    /** {@link #WARM_UP} calls, then {@link #REQUESTS} calls per client, each timed. */
    private Figures measure(IntConsumer call) throws Exception {
        run(call, WARM_UP / CLIENTS);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long[] nanos = run(call, REQUESTS);
        return new Figures(nanos, (System.nanoTime() - start) / 1e9, processCpuNanos() - cpuStart);
    }

    private long[] run(IntConsumer call, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    long[] nanos = new long[perClient];
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        call.accept(i);
                        nanos[i] = System.nanoTime() - t;
                    }
                    return nanos;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : clients) {
                long[] part = f.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            return all;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static void report(String name, Figures figures) {
        long[] sorted = figures.nanos().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f %8.2f %10.0f %12.0f%n", name, ms(percentile(sorted, 50)),
                ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]),
                sorted.length / figures.seconds(), figures.cpuNanos() / 1e3 / sorted.length);
    }

    /**
     * Waits until the service's consumer has its partitions, sends warm-up events through the same
     * path (their lags are printed apart: the first event of a JVM runs cold code), then measures
     * {@link #EVENT_SECONDS} s of events at {@link #EVENTS_PER_SECOND}/s.
     */
    private void eventToReadable(String base) throws Exception {
        long assignedIn = awaitConsumerAssignment();
        Lags warmUp = lags(base, EVENTS_PER_SECOND * WARM_UP_EVENT_SECONDS, "warm");
        System.out.printf(Locale.ROOT, "consumer group %s had its %d partitions %.0f ms after the read phase; "
                + "warm-up (%d events, not counted): first event %.1f ms, max %.1f ms%n", CONSUMER_GROUP,
                Topics.PARTITIONS, ms(assignedIn), warmUp.events(), ms(warmUp.first()), ms(warmUp.sorted()[warmUp.sorted().length - 1]));
        Lags measured = lags(base, EVENTS_PER_SECOND * EVENT_SECONDS, "lag");
        long[] sorted = measured.sorted();
        System.out.printf(Locale.ROOT, "event-to-readable (%d events/s for %d s, one reader polling every %d ms): "
                + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d of %d not readable within 30 s%n",
                EVENTS_PER_SECOND, EVENT_SECONDS, TimeUnit.NANOSECONDS.toMillis(READER_PAUSE_NANOS),
                ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]), measured.unreadable(), measured.events());
    }

    /**
     * Polls the group until all partitions of the articles topic are assigned: before that, events
     * wait for the consumer's start and the figure would measure the start, not the lag.
     *
     * @return how long the wait took
     */
    private long awaitConsumerAssignment() {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            eventually().until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(CONSUMER_GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(CONSUMER_GROUP);
                long assigned = group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(tp -> tp.topic().equals(Topics.ARTICLES)).count();
                return group.groupState() == GroupState.STABLE && assigned == Topics.PARTITIONS;
            });
        }
        return System.nanoTime() - start;
    }

    /**
     * @param sorted the lags of the readable events, sorted
     * @param first the lag of the first event sent
     */
    private record Lags(int events, long[] sorted, long first, int unreadable) {
    }

    /**
     * Events at a steady rate; one reader thread goes round the ids not yet readable, one GET each,
     * then pauses {@link #READER_PAUSE_NANOS} (it never spins: on two cores a spinning reader takes
     * the CPU the consumer needs, and polling without a pause loads the service with hundreds of
     * GETs a second and measures that instead). The clock of an event starts just before it is sent.
     */
    private Lags lags(String base, int events, String idPrefix) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> lagById = new ConcurrentHashMap<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / EVENTS_PER_SECOND;
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> {
            long deadline = Long.MAX_VALUE;
            while (sending.get() || (!sentAt.isEmpty() && System.nanoTime() < deadline)) {
                if (!sending.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                }
                for (var entry : sentAt.entrySet()) {
                    if (status(base + "/api/v1/articles/" + entry.getKey()) == 200) {
                        lagById.put(entry.getKey(), System.nanoTime() - entry.getValue());
                        sentAt.remove(entry.getKey());
                    }
                }
                LockSupport.parkNanos(READER_PAUSE_NANOS);
            }
        });
        String firstId = null;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(6));
            Article article = TestArticles.article("national", List.of(), now.minusSeconds(1), "লেটেন্সি " + i);
            String id = "bench-" + idPrefix + "-" + article.id();
            Article bench = new Article(id, 1, article.status(), article.headline(), article.kicker(),
                    article.summary(), article.bodyHtml(), article.bodyText(), article.section(), article.tags(),
                    article.byline(), article.edition(), article.language(), now.minusSeconds(1), now,
                    article.leadImage(), article.source(), "bench-" + idPrefix + "-" + article.slug(),
                    article.url() + "-" + idPrefix);
            firstId = firstId == null ? id : firstId;
            sentAt.put(id, System.nanoTime());
            publish(TestArticles.published(bench));
        }
        sending.set(false);
        reader.join();
        long[] sorted = lagById.values().stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no event became readable within 30 s");
        }
        return new Lags(events, sorted, lagById.getOrDefault(firstId, -1L), sentAt.size());
    }

    private int status(String uri) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
