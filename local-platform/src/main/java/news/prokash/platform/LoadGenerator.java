package news.prokash.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import news.prokash.platform.LoadMix.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the mix open-loop: each operation has its own schedule (request n is due at start + n / rate)
 * and a request goes out when it is due whether or not earlier ones have come back — as readers do.
 * The generator runs in its own JVM, not in any service's.
 */
final class LoadGenerator {

    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    // beyond this many unanswered requests of one kind the platform has fallen behind: count, do not pile up
    private static final int MAX_IN_FLIGHT = 512;

    /** Words readers search for: Bengali news vocabulary found in the corpus, some inflected. */
    private static final List<String> SEARCH_TERMS = List.of("রাশিয়া", "রাশিয়ার", "কিম", "ইউক্রেন", "বৈঠক",
            "সমর্থন", "পররাষ্ট্রমন্ত্রী", "উত্তর কোরিয়া", "হত্যা", "গ্রেপ্তার", "সরকার", "নির্বাচন", "মস্কো",
            "আসামি রিমান্ডে", "১২ জুলাই");

    private final HttpClient client;

    private final Map<Operation, LoadStats> stats = new EnumMap<>(Operation.class);

    private final Map<Operation, AtomicInteger> inFlight = new EnumMap<>(Operation.class);

    private final LoadMix mix;

    private final String ingest;

    private final String article;

    private final String search;

    private final String ranking;

    private final String editorToken;

    private final Corpus corpus;

    private final ExecutorService executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon()
            .name("load-http-", 0).factory());

    LoadGenerator(LoadMix mix, Platform platform, Corpus corpus) {
        this.mix = mix;
        this.ingest = platform.url("ingest-service");
        this.article = platform.url("article-service");
        this.search = platform.url("search-service");
        this.ranking = platform.url("ranking-service");
        this.editorToken = platform.tokens().editor();
        this.corpus = corpus;
        // HTTP/1.1 as the website's servers call: no h2c upgrade attempt on each new connection
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
        for (Operation op : Operation.values()) {
            stats.put(op, new LoadStats(op.expectedStatus));
            inFlight.put(op, new AtomicInteger());
        }
    }

    Map<Operation, LoadStats> stats() {
        return stats;
    }

    /**
     * Runs the warm-up, then the measured part; {@code everyTenSeconds} is called from this thread
     * during the measured part (resource samples).
     */
    void run(Runnable everyTenSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + mix.warmUp().toNanos();
        long end = measureFrom + mix.measured().toNanos();
        Operation[] ops = Operation.values();
        long[] sent = new long[ops.length];
        long nextSample = measureFrom;
        SplittableRandom random = new SplittableRandom(42);
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            for (int i = 0; i < ops.length; i++) {
                double rate = mix.rate(ops[i]);
                if (rate <= 0) {
                    continue;
                }
                long due = (long) ((now - start) / 1e9 * rate);
                for (; sent[i] < due; sent[i]++) {
                    long dueAt = start + (long) (sent[i] / rate * 1e9);
                    fire(ops[i], dueAt, dueAt >= measureFrom ? (int) ((dueAt - measureFrom) / 60_000_000_000L) : -1,
                            random);
                }
            }
            if (now >= nextSample) {
                everyTenSeconds.run();
                nextSample += 10_000_000_000L;
            }
            Thread.sleep(2);
        }
        // let the last requests come back (they are counted in their own minute)
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inFlight.values().stream().anyMatch(n -> n.get() > 0) && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        executor.shutdownNow();
    }

    private void fire(Operation op, long dueAt, int minute, SplittableRandom random) {
        LoadStats opStats = stats.get(op);
        AtomicInteger pending = inFlight.get(op);
        if (pending.get() >= MAX_IN_FLIGHT) {
            if (minute >= 0) {
                opStats.record(minute, 0, LoadStats.NOT_SENT, "");
            }
            return;
        }
        Request request = request(op, random);
        pending.incrementAndGet();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request.http(),
                HttpResponse.BodyHandlers.ofString());
        answer.whenComplete((response, failure) -> {
            pending.decrementAndGet();
            long micros = (System.nanoTime() - dueAt) / 1_000;
            int status = failure != null ? LoadStats.NO_ANSWER : response.statusCode();
            String body = failure != null ? String.valueOf(failure) : response.body();
            Consumer<HttpResponse<String>> onSuccess = request.onSuccess();
            if (status == op.expectedStatus && onSuccess != null) {
                onSuccess.accept(response);
            }
            if (minute >= 0) {
                opStats.record(minute, micros, status, status == op.expectedStatus ? "" : body);
            }
        });
    }

    private record Request(HttpRequest http, @Nullable Consumer<HttpResponse<String>> onSuccess) {
    }

    private Request request(Operation op, SplittableRandom random) {
        return switch (op) {
            case VIEW -> {
                String body = "{\"articleId\":\"" + corpus.popularId(random) + "\",\"visitorId\":\"reader-"
                        + random.nextInt(mix.visitors()) + "\"}";
                yield new Request(json(ranking + "/api/v1/views").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), null);
            }
            case ARTICLE -> new Request(get(article + "/api/v1/articles/" + corpus.popularId(random)), null);
            case LATEST -> new Request(get(article + "/api/v1/articles/latest?limit=20"), null);
            case SEARCH -> new Request(get(search + "/api/v1/search?q="
                    + URLEncoder.encode(SEARCH_TERMS.get(random.nextInt(SEARCH_TERMS.size())), StandardCharsets.UTF_8)),
                    null);
            case POPULAR -> new Request(get(ranking + "/api/v1/popular"
                    + (random.nextInt(4) == 0 ? "?section=" + Corpus.SECTIONS.get(random.nextInt(Corpus.SECTIONS.size())) : "")),
                    null);
            case CREATE -> {
                int n = corpus.nextCreated();
                yield new Request(editor(json(ingest + "/api/v1/articles"))
                        .POST(HttpRequest.BodyPublishers.ofString(corpus.article(n, 0))).build(), null);
            }
            case UPDATE -> {
                int index = corpus.nextToUpdate();
                Corpus.Entry entry = corpus.entry(index);
                long version = entry.version().get();
                yield new Request(editor(json(ingest + "/api/v1/articles/" + entry.id()))
                        .header("If-Match", "\"" + version + "\"")
                        .PUT(HttpRequest.BodyPublishers.ofString(corpus.article(index, version))).build(),
                        response -> entry.version().accumulateAndGet(
                                Http.JSON.readTree(response.body()).get("version").asLong(), Math::max));
            }
        };
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest.Builder json(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder editor(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + editorToken);
    }

    /**
     * The articles the run reads, views and corrects: bulk-loaded before it starts, each generated from
     * the seed article (same body, its own headline and section). Popularity follows Zipf's law (s = 1):
     * the k-th most read article gets 1/k of the first one's traffic.
     */
    static final class Corpus {

        static final List<String> SECTIONS = List.of("national", "politics", "international", "economy", "sports",
                "entertainment");

        record Entry(String id, AtomicLong version) {
        }

        private final ObjectNode seed;

        private final List<String> headlines;

        private final List<Entry> entries = new ArrayList<>();

        private final double[] cumulative;

        private final AtomicInteger created = new AtomicInteger();

        private final AtomicInteger updated = new AtomicInteger();

        private final OffsetDateTime now = OffsetDateTime.now(DHAKA).withNano(0);

        Corpus(int size) {
            this.seed = (ObjectNode) Http.JSON.readTree(DemoContent.seedArticleJson());
            this.headlines = new ArrayList<>();
            headlines.add(seed.get("headline").asString());
            for (String line : DemoContent.listHeadlines()) {
                headlines.add(line.split("\t", 2)[1].strip());
            }
            this.cumulative = new double[size];
            double sum = 0;
            for (int k = 0; k < size; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
            for (int k = 0; k < size; k++) {
                cumulative[k] /= sum;
            }
        }

        /** The article as an editor sends it; {@code correction} > 0 marks a corrected headline. */
        String article(int n, long correction) {
            ObjectNode article = seed.deepCopy();
            String headline = headlines.get(n % headlines.size()) + " (" + toBengaliDigits(n + 1) + ")";
            article.put("headline", correction > 0 ? headline + " — সংশোধিত " + toBengaliDigits(correction) : headline);
            article.put("section", SECTIONS.get(n % SECTIONS.size()));
            article.put("publishedAt", now.minusMinutes(n).toString());
            return article.toString();
        }

        /** NDJSON for the bulk endpoint: the whole corpus, one article per line. */
        String ndjson() {
            StringBuilder lines = new StringBuilder();
            for (int n = 0; n < cumulative.length; n++) {
                lines.append(article(n, 0)).append('\n');
            }
            return lines.toString();
        }

        /** Takes the bulk answer: which id each line got. */
        void accepted(JsonNode bulkAnswer) {
            for (JsonNode result : bulkAnswer.get("results")) {
                if (!result.has("id")) {
                    throw new IllegalStateException("the corpus was not accepted whole: " + result);
                }
                entries.add(new Entry(result.get("id").asString(), new AtomicLong(result.get("version").asLong())));
            }
        }

        List<Entry> entries() {
            return entries;
        }

        Entry entry(int index) {
            return entries.get(index);
        }

        String popularId(SplittableRandom random) {
            int k = Arrays.binarySearch(cumulative, random.nextDouble());
            return entries.get(Math.min(entries.size() - 1, k < 0 ? -k - 1 : k)).id();
        }

        /** New articles during the run: numbered after the corpus, so their headlines differ. */
        int nextCreated() {
            return cumulative.length + created.getAndIncrement();
        }

        /** Corrections go round the corpus, so two never race for one article's version. */
        int nextToUpdate() {
            return updated.getAndIncrement() % entries.size();
        }

        private static String toBengaliDigits(long value) {
            StringBuilder out = new StringBuilder();
            for (char c : Long.toString(value).toCharArray()) {
                out.append((char) ('০' + (c - '0')));
            }
            return out.toString();
        }
    }
}
