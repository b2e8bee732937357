package news.prokash.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import news.prokash.harness.KeepAliveHttp;
import news.prokash.platform.LoadMix.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the mix open-loop: each operation has its own schedule (request n is due at start + n / rate)
 * and a request goes out when it is due whether or not earlier ones have come back — as readers do.
 * Due requests wait in one queue for {@link #WORKERS} threads, each with its own keep-alive
 * connections ({@link KeepAliveHttp}); latency counts from when a request was due, so time spent
 * waiting for a free worker is in it (no coordinated omission). The generator runs in its own JVM,
 * not in any service's.
 */
final class LoadGenerator {

    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    // beyond this many unanswered requests of one kind the platform has fallen behind: count, do not pile up
    private static final int MAX_IN_FLIGHT = 512;

    /** Words readers search for: Bengali news vocabulary found in the corpus, some inflected. */
    private static final List<String> SEARCH_TERMS = List.of("রাশিয়া", "রাশিয়ার", "কিম", "ইউক্রেন", "বৈঠক",
            "সমর্থন", "পররাষ্ট্রমন্ত্রী", "উত্তর কোরিয়া", "হত্যা", "গ্রেপ্তার", "সরকার", "নির্বাচন", "মস্কো",
            "আসামি রিমান্ডে", "১২ জুলাই");

    /** Enough for 2,000 requests/s at 100 ms each; idle workers cost a parked thread and open sockets. */
    static final int WORKERS = 200;

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private static final String JSON_TYPE = "Content-Type: application/json";

    private final BlockingQueue<Job> due = new LinkedBlockingQueue<>();

    private final List<Thread> workers = new ArrayList<>();

    private final Map<Operation, LoadStats> stats = new EnumMap<>(Operation.class);

    private final Map<Operation, AtomicInteger> inFlight = new EnumMap<>(Operation.class);

    private final LoadMix mix;

    private final String ingest;

    private final String article;

    private final String search;

    private final String ranking;

    private final String editorToken;

    private final Corpus corpus;

    LoadGenerator(LoadMix mix, Platform platform, Corpus corpus) {
        this.mix = mix;
        this.ingest = platform.url("ingest-service");
        this.article = platform.url("article-service");
        this.search = platform.url("search-service");
        this.ranking = platform.url("ranking-service");
        this.editorToken = platform.tokens().editor();
        this.corpus = corpus;
        for (Operation op : Operation.values()) {
            stats.put(op, new LoadStats(op.expectedStatus));
            inFlight.put(op, new AtomicInteger());
        }
    }

    Map<Operation, LoadStats> stats() {
        return stats;
    }

    /**
     * Runs the warm-up, then the measured part; {@code everyTenSeconds} is called during the measured part
     * (resource samples), from a thread of its own: a sample takes a few hundred ms (process memory, each
     * service's meters, consumer lags), and taken on this thread it held back every request due meanwhile,
     * which then counted that wait (a p99 of 300 ms at 2,000 popular lists/s, all of it the generator's).
     */
    void run(Runnable everyTenSeconds) throws InterruptedException {
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().daemon().name("load-http-" + w).start(this::work));
        }
        long start = System.nanoTime();
        long measureFrom = start + mix.warmUp().toNanos();
        long end = measureFrom + mix.measured().toNanos();
        Operation[] ops = Operation.values();
        long[] sent = new long[ops.length];
        Thread sampler = Thread.ofPlatform().daemon().name("load-sampler").start(() -> {
            for (long next = measureFrom; next < end; next += 10_000_000_000L) {
                try {
                    TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
                }
                catch (InterruptedException e) {
                    return;
                }
                everyTenSeconds.run();
            }
        });
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
            Thread.sleep(2);
        }
        sampler.join(); // its last sample finishes before the report reads them
        // let the last requests come back (they are counted in their own minute)
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inFlight.values().stream().anyMatch(n -> n.get() > 0) && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        workers.forEach(Thread::interrupt);
    }

    private void fire(Operation op, long dueAt, int minute, SplittableRandom random) {
        AtomicInteger pending = inFlight.get(op);
        if (pending.get() >= MAX_IN_FLIGHT) {
            if (minute >= 0) {
                stats.get(op).record(minute, 0, LoadStats.NOT_SENT, "");
            }
            return;
        }
        pending.incrementAndGet();
        due.add(new Job(op, dueAt, minute, request(op, random)));
    }

    /** A worker: takes due requests one at a time, each over its keep-alive connection to that service. */
    private void work() {
        Map<String, KeepAliveHttp> connections = new HashMap<>();
        try {
            while (true) {
                Job job = due.take();
                Request request = job.request();
                KeepAliveHttp connection = connections.computeIfAbsent(request.base(),
                        base -> new KeepAliveHttp(URI.create(base), READ_TIMEOUT_MILLIS));
                int status;
                String body;
                try {
                    KeepAliveHttp.Answer answer = connection.exchange(request.method(), request.target(),
                            request.headers(), request.body());
                    status = answer.status();
                    body = answer.body();
                }
                catch (IOException | RuntimeException failure) {
                    status = LoadStats.NO_ANSWER;
                    body = String.valueOf(failure);
                }
                long micros = (System.nanoTime() - job.dueAt()) / 1_000;
                inFlight.get(job.op()).decrementAndGet();
                Consumer<String> onSuccess = request.onSuccess();
                if (status == job.op().expectedStatus && onSuccess != null) {
                    try {
                        onSuccess.accept(body);
                    }
                    catch (RuntimeException unreadable) {
                        // an answer the generator cannot use is an unexpected answer, not the end of this worker
                        status = LoadStats.NO_ANSWER;
                        body = "unreadable answer: " + unreadable;
                    }
                }
                if (job.minute() >= 0) {
                    stats.get(job.op()).record(job.minute(), micros, status,
                            status == job.op().expectedStatus ? "" : body);
                }
            }
        }
        catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        finally {
            connections.values().forEach(KeepAliveHttp::close);
        }
    }

    private record Job(Operation op, long dueAt, int minute, Request request) {
    }

    /** A request to one service ({@code base} = scheme, host and port): method, path and query, headers, body. */
    private record Request(String base, String method, String target, List<String> headers, byte @Nullable [] body,
            @Nullable Consumer<String> onSuccess) {
    }

    private Request request(Operation op, SplittableRandom random) {
        return switch (op) {
            case VIEW -> post(ranking, "/api/v1/views", "{\"articleId\":\"" + corpus.popularId(random)
                    + "\",\"visitorId\":\"reader-" + random.nextInt(mix.visitors()) + "\"}", List.of(JSON_TYPE));
            case ARTICLE -> get(article, "/api/v1/articles/" + corpus.popularId(random));
            case LATEST -> get(article, "/api/v1/articles/latest?limit=20");
            case SEARCH -> get(search, "/api/v1/search?q="
                    + URLEncoder.encode(SEARCH_TERMS.get(random.nextInt(SEARCH_TERMS.size())), StandardCharsets.UTF_8));
            case POPULAR -> get(ranking, "/api/v1/popular"
                    + (random.nextInt(4) == 0 ? "?section=" + Corpus.SECTIONS.get(random.nextInt(Corpus.SECTIONS.size())) : ""));
            case CREATE -> post(ingest, "/api/v1/articles", corpus.article(corpus.nextCreated(), 0), editorHeaders());
            case UPDATE -> {
                int index = corpus.nextToUpdate();
                Corpus.Entry entry = corpus.entry(index);
                long version = entry.version().get();
                List<String> headers = new ArrayList<>(editorHeaders());
                headers.add("If-Match: \"" + version + "\"");
                yield new Request(ingest, "PUT", "/api/v1/articles/" + entry.id(), headers,
                        corpus.article(index, version).getBytes(StandardCharsets.UTF_8),
                        body -> entry.version().accumulateAndGet(Http.JSON.readTree(body).get("version").asLong(),
                                Math::max));
            }
        };
    }

    private static Request get(String base, String target) {
        return new Request(base, "GET", target, List.of(), null, null);
    }

    private static Request post(String base, String target, String json, List<String> headers) {
        return new Request(base, "POST", target, headers, json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** An editor's JSON request to ingest. */
    private List<String> editorHeaders() {
        return List.of(JSON_TYPE, "Authorization: Bearer " + editorToken);
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
