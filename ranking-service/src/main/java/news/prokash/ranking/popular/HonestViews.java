package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import news.prokash.contracts.ArticleViewed;
import news.prokash.ranking.popular.ViewMetrics.Outcome;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * Lets through only the views that count: no bots, no views from the future, none later than the
 * grace, and one per visitor and article within the dedup period. Forwards whether this instance's
 * catalog knows the article (unknown ones are counted apart).
 *
 * <p>Dedup uses the window store {@code first-views}, keyed (article, visitor) on the article's
 * partition, holding the time of each counted view under its dedup-period bucket; the store drops
 * what is older than its retention (two periods + grace) by itself, so it stays the size of the
 * last hour's readers.
 */
final class HonestViews implements FixedKeyProcessor<String, ArticleViewed, Boolean> {

    private final long dedupMs;

    private final long graceMs;

    private final long skewMs;

    private final BotDetector bots;

    private final ViewMetrics metrics;

    private @Nullable FixedKeyProcessorContext<String, Boolean> context;

    private @Nullable WindowStore<String, Long> firstViews;

    /** Which keys {@code firstViews} may hold: skips the reads of a reader's first view (nearly all of them). */
    private final SeenFilter seen;

    private @Nullable KeyValueStore<String, ArticleSummary> summaries;

    private static final int KNOWN_ARTICLES_KEPT = 100_000;

    private final Set<String> knownArticles = new HashSet<>();

    /** The newest view time this task has seen: "late" is relative to it, not to the wall clock, so a replay counts. */
    private long observed = Long.MIN_VALUE;

    HonestViews(Duration dedupPeriod, Duration grace, Duration clockSkew, BotDetector bots, ViewMetrics metrics) {
        this.dedupMs = dedupPeriod.toMillis();
        this.graceMs = grace.toMillis();
        this.skewMs = clockSkew.toMillis();
        this.bots = bots;
        this.metrics = metrics;
        this.seen = new SeenFilter(PopularityTopology.firstViewsRetention(dedupPeriod, grace).toMillis());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Boolean> context) {
        this.context = context;
        WindowStore<String, Long> store = context.getStateStore(PopularityTopology.FIRST_VIEWS);
        this.firstViews = store;
        // the store is restored before processors start: every key it holds must answer "maybe"
        try (KeyValueIterator<Windowed<String>, Long> held = store.all()) {
            while (held.hasNext()) {
                Windowed<String> key = held.next().key;
                seen.add(SeenFilter.hash(key.key()), key.window().start());
            }
        }
        // global stores are readable from every processor
        this.summaries = context.getStateStore(PopularityTopology.ARTICLE_SUMMARIES);
    }

    @Override
    public void process(FixedKeyRecord<String, ArticleViewed> record) {
        FixedKeyProcessorContext<String, Boolean> ctx = require(context);
        ArticleViewed view = record.value();
        long at = record.timestamp();
        if (bots.isBot(view.userAgent())) {
            metrics.record(Outcome.BOT);
            return;
        }
        // one view from next year would move stream time on and make every other view "late"
        if (at > ctx.currentSystemTimeMs() + skewMs) {
            metrics.record(Outcome.FUTURE);
            return;
        }
        if (observed != Long.MIN_VALUE && at < observed - graceMs) {
            metrics.record(Outcome.LATE);
            return;
        }
        if (isRepeat(require(firstViews), visitorKey(view.articleId(), view.visitorId()), at)) {
            metrics.record(Outcome.DUPLICATE);
            return;
        }
        observed = Math.max(observed, at);
        boolean known = isKnown(view.articleId());
        metrics.record(known ? Outcome.COUNTED : Outcome.UNKNOWN_ARTICLE);
        ctx.forward(record.withValue(known));
    }

    /**
     * Whether a counted view of this visitor and article lies within the dedup period of {@code at}.
     * Counted views are filed under their period-long bucket, so this is two or three point reads
     * (the same bucket, the one before, and the one after if a later view may be there already)
     * instead of a range scan, which opens an iterator on every segment of the store. A read that the
     * in-memory filter says must miss is not made.
     */
    private boolean isRepeat(WindowStore<String, Long> store, String key, long at) {
        long hash = SeenFilter.hash(key);
        long bucket = Math.floorDiv(at, dedupMs) * dedupMs;
        if (counted(store, key, hash, bucket) != null) {
            return true; // same bucket: less than a period apart
        }
        Long before = counted(store, key, hash, bucket - dedupMs);
        if (before != null && at - before < dedupMs) {
            return true;
        }
        if (observed >= bucket + dedupMs) {
            Long after = counted(store, key, hash, bucket + dedupMs);
            if (after != null && after - at < dedupMs) {
                return true;
            }
        }
        store.put(key, at, bucket);
        seen.add(hash, bucket);
        return false;
    }

    /** The counted view's time in that bucket; the store is not read when the filter rules the key out. */
    private @Nullable Long counted(WindowStore<String, Long> store, String key, long hash, long bucket) {
        return seen.mightContain(hash, bucket) ? store.fetch(key, bucket) : null;
    }

    /**
     * Once known, an article stays known here: its views then go to the main store, and whether it
     * may be listed is decided when lists are made. This saves a store read and a JSON decode of
     * the summary per view.
     */
    private boolean isKnown(String articleId) {
        if (knownArticles.contains(articleId)) {
            return true;
        }
        if (require(summaries).get(articleId) == null) {
            return false;
        }
        if (knownArticles.size() >= KNOWN_ARTICLES_KEPT) {
            knownArticles.clear();
        }
        knownArticles.add(articleId);
        return true;
    }

    /** Length-prefixed so that no pair of ids can produce another pair's key. */
    static String visitorKey(String articleId, String visitorId) {
        return articleId.length() + ":" + articleId + visitorId;
    }

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("process() before init()");
        }
        return value;
    }
}
