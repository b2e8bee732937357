package news.prokash.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import news.prokash.platform.FaultLedger.Article;
import news.prokash.platform.FaultLedger.Outcome;
import news.prokash.platform.FaultLedger.State;
import news.prokash.platform.FaultLedger.Status;

/**
 * The steady stream the faults hit: one editor thread creating, updating (with If-Match),
 * unpublishing and deleting articles through ingest, one reader thread sending views to ranking,
 * every answer written to the {@link FaultLedger}. Paused only while the suite checks.
 */
final class FaultTraffic implements AutoCloseable {

    /** Words every headline of the suite has: one search finds them all. */
    static final String MARKER = "faultsuite";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    // longer than ingest's publish timeout (7 s) and ranking's send timeout (10 s): they answer 503 first
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final long REPEAT_WITHIN_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** An answer, or what stood in for one. */
    record Answer(Outcome outcome, int status, String body, @Nullable String etag) {
    }

    private final FaultLedger ledger;
    private final Supplier<String> ingest;
    private final Supplier<String> ranking;
    private final EditorTokens tokens;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile String viewSection = "";

    FaultTraffic(FaultLedger ledger, Supplier<String> ingest, Supplier<String> ranking, EditorTokens tokens) {
        this.ledger = ledger;
        this.ingest = ingest;
        this.ranking = ranking;
        this.tokens = tokens;
    }

    /**
     * Creates the articles views go to from now on, in a section of their own; they are updated now
     * and then but never taken down.
     */
    void createViewTargets(int count, String section) {
        for (int i = 0; i < count; i++) {
            Article article = ledger.add(token(), section);
            Answer answer = create(article);
            if (answer.outcome() != Outcome.ACCEPTED) {
                throw new IllegalStateException("set-up create refused: " + answer);
            }
        }
        viewSection = section;
    }

    void start() {
        threads.add(Thread.ofPlatform().name("fault-editor").daemon().start(() -> loop(this::change, 150)));
        threads.add(Thread.ofPlatform().name("fault-reader").daemon().start(() -> loop(this::view, 60)));
    }

    /** Waits for the requests in flight, then holds the stream until {@link #resume()}. */
    void pause() {
        gate.writeLock().lock();
    }

    void resume() {
        gate.writeLock().unlock();
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop(Supplier<Outcome> step, long pauseMillis) {
        while (running) {
            Outcome outcome;
            gate.readLock().lock();
            try {
                outcome = step.get();
            }
            finally {
                gate.readLock().unlock();
            }
            // a client backs off after a failure, as Retry-After asks (shorter: the faults are short)
            sleep(outcome == Outcome.ACCEPTED ? pauseMillis : 1000);
        }
    }

    private Outcome change() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Article> churn = ledger.articles().stream().filter(a -> !a.viewTarget && a.changeable()).toList();
        if (random.nextInt(100) < 15) {
            List<Article> targets = ledger.articles().stream().filter(a -> a.viewTarget && a.changeable()).toList();
            if (!targets.isEmpty()) {
                return update(targets.get(random.nextInt(targets.size()))).outcome();
            }
        }
        if (churn.size() < 15 || random.nextInt(100) < 30) {
            return create(ledger.add(token(), null)).outcome();
        }
        Article article = churn.get(random.nextInt(churn.size()));
        boolean published = article.confirmed.status() == Status.PUBLISHED;
        int dice = random.nextInt(100);
        if (dice < 50) {
            return update(article).outcome();
        }
        if (published && dice < 75) {
            return transition(article, "POST", "/unpublish", Status.UNPUBLISHED, tokens.editor()).outcome();
        }
        return transition(article, "DELETE", "", Status.DELETED, tokens.admin()).outcome();
    }

    private Answer create(Article article) {
        String headline = headline(article);
        Answer answer = send("POST", ingest.get() + "/api/v1/articles", tokens.editor(), null,
                body(headline, article.viewSection));
        switch (answer.outcome()) {
            case ACCEPTED -> {
                var json = Http.JSON.readTree(answer.body());
                article.id = json.get("id").asString();
                article.confirmed = new State(json.get("version").asLong(), Status.PUBLISHED, headline);
                expectVersion(article, json.get("version").asLong(), 1);
            }
            case IN_DOUBT -> {
                article.frozen = true;
                ledger.doubtfulCreate(article.token, headline);
            }
            case REFUSED -> noteRefusal(answer, "create " + article.token);
        }
        count(answer);
        return answer;
    }

    private Answer update(Article article) {
        State before = article.confirmed;
        String headline = headline(article);
        Answer answer = send("PUT", ingest.get() + "/api/v1/articles/" + article.id, tokens.editor(),
                "\"" + before.version() + "\"", body(headline, article.viewSection));
        settle(article, answer, new State(before.version() + 1, before.status(), headline), "update");
        return answer;
    }

    private Answer transition(Article article, String method, String path, Status status, String token) {
        State before = article.confirmed;
        Answer answer = send(method, ingest.get() + "/api/v1/articles/" + article.id + path, token,
                "\"" + before.version() + "\"", null);
        settle(article, answer, new State(before.version() + 1, status, before.headline()), status.name());
        return answer;
    }

    private void settle(Article article, Answer answer, State next, String what) {
        switch (answer.outcome()) {
            case ACCEPTED -> {
                expectVersion(article, Http.JSON.readTree(answer.body()).get("version").asLong(), next.version());
                article.confirmed = next;
            }
            case IN_DOUBT -> {
                article.doubtful.add(next);
                article.frozen = true;
            }
            case REFUSED -> noteRefusal(answer, what + " of " + article.id + " at version " + (next.version() - 1));
        }
        count(answer);
    }

    private Outcome view() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String section = viewSection;
        List<Article> targets = ledger.articles().stream()
                .filter(a -> section.equals(a.viewSection) && a.id != null).toList();
        if (targets.isEmpty()) {
            return Outcome.REFUSED;
        }
        String articleId = targets.get(random.nextInt(targets.size())).id;
        String visitor;
        int dice = random.nextInt(100);
        List<String> recent = ledger.recentVisitors(articleId, REPEAT_WITHIN_NANOS);
        if (dice < 20 && !recent.isEmpty()) {
            visitor = recent.get(random.nextInt(recent.size())); // a repeat within the dedup period: counts 0
        }
        else {
            visitor = "visitor-" + sequence.incrementAndGet(); // a new pair: counts 1
        }
        FaultLedger.Pair pair = ledger.pair(articleId, visitor);
        Answer answer = send("POST", ranking.get() + "/api/v1/views", null, null,
                "{\"articleId\":\"" + articleId + "\",\"visitorId\":\"" + visitor + "\"}");
        pair.answers.add(LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS) + "Z " + answer.status());
        switch (answer.outcome()) {
            case ACCEPTED -> {
                if (!pair.accepted) {
                    pair.firstAcceptedNanos = System.nanoTime();
                    pair.accepted = true;
                }
                ledger.viewsAccepted.incrementAndGet();
            }
            case IN_DOUBT -> {
                pair.inDoubt = true;
                ledger.viewsInDoubt.incrementAndGet();
            }
            case REFUSED -> ledger.viewsRefused.incrementAndGet();
        }
        return answer.outcome();
    }

    private void expectVersion(Article article, long answered, long expected) {
        if (answered != expected) {
            ledger.unexpectedRefusals.add("202 for " + article.token + " with version " + answered + ", expected "
                    + expected);
        }
    }

    private void noteRefusal(Answer answer, String what) {
        if (answer.status() != 0) {
            // connection refused (status 0) is expected while a service is down; a 4xx is not
            ledger.unexpectedRefusals.add(what + ": " + answer.status() + " " + answer.body());
        }
    }

    private void count(Answer answer) {
        switch (answer.outcome()) {
            case ACCEPTED -> ledger.changesAccepted.incrementAndGet();
            case REFUSED -> ledger.changesRefused.incrementAndGet();
            case IN_DOUBT -> ledger.changesInDoubt.incrementAndGet();
        }
    }

    private String headline(Article article) {
        // the sequence number makes every request's headline its own: a headline seen names its request
        return "ত্রুটি পরীক্ষার খবর " + MARKER + " " + article.token + " r" + sequence.incrementAndGet();
    }

    private static String body(String headline, @Nullable String section) {
        String json = DemoContent.seedArticleJson().replace("রাশিয়ার পাশে আছেন কিম জং উন", headline);
        return section == null ? json : json.replace("\"section\": \"international\"", "\"section\": \"" + section + "\"");
    }

    private static String token() {
        StringBuilder token = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            token.append((char) ('a' + random.nextInt(26)));
        }
        return token.toString();
    }

    Answer send(String method, String url, @Nullable String bearer, @Nullable String ifMatch, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            Outcome outcome = status < 300 ? Outcome.ACCEPTED : status < 500 ? Outcome.REFUSED : Outcome.IN_DOUBT;
            if (status >= 500 && !(status == 503 && response.headers().firstValue("Retry-After").isPresent())) {
                if (ledger.bareServerErrors.incrementAndGet() <= 3) {
                    ledger.bareServerErrorSamples.add(method + " " + url + " → " + status + " "
                            + response.body().substring(0, Math.min(300, response.body().length())));
                }
            }
            return new Answer(outcome, status, response.body(), response.headers().firstValue("ETag").orElse(null));
        }
        catch (ConnectException refused) {
            return new Answer(Outcome.REFUSED, 0, "connection refused", null); // nothing was sent
        }
        catch (IOException lost) {
            return new Answer(Outcome.IN_DOUBT, 0, String.valueOf(lost), null);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.IN_DOUBT, 0, "interrupted", null);
        }
    }

    /** A GET for the checks. */
    Answer get(String url) {
        return send("GET", url, null, null, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
