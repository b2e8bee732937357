package news.prokash.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Every request the fault suite sent, with what its answer means: accepted (2xx: must never be
 * lost), refused (4xx, or the connection refused before anything was sent: must never happen), or
 * in doubt (a timeout, a reset, a 5xx: either outcome is allowed, but all of it or none of it).
 * A 503 with Retry-After counts as in doubt, not refused: ingest completes a change whose send was
 * not confirmed once Kafka is back (its README, "InDoubtEvents"), and ranking's producer may still
 * deliver a view it gave up waiting for. From it come the states each article may be in and the
 * range each article's distinct-visitor count may have.
 */
final class FaultLedger {

    enum Outcome { ACCEPTED, REFUSED, IN_DOUBT }

    enum Status { PUBLISHED, UNPUBLISHED, DELETED }

    /** What the store and the search index must show for an article. */
    record State(long version, Status status, String headline) {
    }

    /** One article the suite created, with every state it may now be in. */
    static final class Article {

        final String token;
        // view targets: the section of the fault they were made for (each fault's popular list is its own)
        final @Nullable String viewSection;
        final boolean viewTarget;
        volatile @Nullable String id;
        volatile @Nullable State confirmed;
        final List<State> doubtful = new CopyOnWriteArrayList<>();
        // after a change in doubt the suite sends no more changes: the next one could not say what it replaces
        volatile boolean frozen;

        Article(String token, @Nullable String viewSection) {
            this.token = token;
            this.viewSection = viewSection;
            this.viewTarget = viewSection != null;
        }

        List<State> allowed() {
            List<State> states = new ArrayList<>(doubtful);
            State last = confirmed;
            if (last != null) {
                states.addFirst(last);
            }
            return states;
        }

        boolean changeable() {
            State last = confirmed;
            return id != null && !frozen && last != null && last.status() != Status.DELETED;
        }
    }

    /** A create whose answer was lost: the article may exist, once, or not at all. */
    record DoubtfulCreate(String token, String headline) {
    }

    /** Views of one article by one visitor: counted once per 30 minutes (the suite repeats within 10). */
    static final class Pair {

        volatile boolean accepted;
        volatile boolean inDoubt;
        volatile long firstAcceptedNanos;
        // "07:11:02.345Z 202", one per request: what a mismatch report shows of this pair
        final List<String> answers = new CopyOnWriteArrayList<>();
    }

    private final Map<String, Article> articles = new ConcurrentHashMap<>();
    private final List<DoubtfulCreate> doubtfulCreates = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Pair>> viewPairs = new ConcurrentHashMap<>();

    final AtomicLong changesAccepted = new AtomicLong();
    final AtomicLong changesRefused = new AtomicLong();
    final AtomicLong changesInDoubt = new AtomicLong();
    final AtomicLong viewsAccepted = new AtomicLong();
    final AtomicLong viewsRefused = new AtomicLong();
    final AtomicLong viewsInDoubt = new AtomicLong();
    // 500s and other 5xx without Retry-After: the rules allow none, the suite reports them
    final AtomicLong bareServerErrors = new AtomicLong();
    final List<String> bareServerErrorSamples = new CopyOnWriteArrayList<>();
    // 4xx for a change the suite expected to go through (a 412 would mean an accepted version was lost)
    final List<String> unexpectedRefusals = new CopyOnWriteArrayList<>();

    Article add(String token, @Nullable String viewSection) {
        Article article = new Article(token, viewSection);
        articles.put(token, article);
        return article;
    }

    Collection<Article> articles() {
        return articles.values();
    }

    void doubtfulCreate(String token, String headline) {
        doubtfulCreates.add(new DoubtfulCreate(token, headline));
    }

    List<DoubtfulCreate> doubtfulCreates() {
        return doubtfulCreates;
    }

    Pair pair(String articleId, String visitor) {
        return viewPairs.computeIfAbsent(articleId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(visitor, v -> new Pair());
    }

    /** Visitors of an article whose view was accepted less than {@code maxAgeNanos} ago (repeats count zero). */
    List<String> recentVisitors(String articleId, long maxAgeNanos) {
        long now = System.nanoTime();
        List<String> visitors = new ArrayList<>();
        viewPairs.getOrDefault(articleId, Map.of()).forEach((visitor, pair) -> {
            if (pair.accepted && now - pair.firstAcceptedNanos < maxAgeNanos) {
                visitors.add(visitor);
            }
        });
        return visitors;
    }

    /** Every request for views of an article, by visitor, for a mismatch report. */
    String viewHistory(String articleId) {
        StringBuilder history = new StringBuilder();
        viewPairs.getOrDefault(articleId, Map.of()).forEach((visitor, pair) -> history.append(history.isEmpty() ? "" : "; ")
                .append(visitor).append(": ").append(String.join(", ", pair.answers)));
        return history.toString();
    }

    /** Per article: the fewest distinct visitors it must show (accepted) and the most (plus those in doubt). */
    Map<String, long[]> expectedViewCounts() {
        Map<String, long[]> expected = new LinkedHashMap<>();
        viewPairs.forEach((articleId, pairs) -> {
            long accepted = pairs.values().stream().filter(p -> p.accepted).count();
            long doubtful = pairs.values().stream().filter(p -> !p.accepted && p.inDoubt).count();
            expected.put(articleId, new long[] { accepted, accepted + doubtful });
        });
        return expected;
    }
}
