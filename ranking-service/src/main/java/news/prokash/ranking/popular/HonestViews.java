package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventFormatException;
import news.prokash.contracts.ViewReader;
import news.prokash.ranking.popular.ViewMetrics.Outcome;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * Decodes each view and counts the views that count: no bots, no views from the future, none
 * later than the grace, and one per visitor and article within the dedup period. A counted view
 * goes to the hourly counts of {@code hourly-views}, or of {@code unknown-article-views} if this
 * instance's catalog does not know the article ({@link HourlyCounts}). The counts are written
 * here rather than by a DSL {@code count()} downstream: that took a forward, a branch and a store
 * read per view. For the same reason decoding is done here, not in a processor of its own: an
 * unreadable record is the only one forwarded, to the dead-letter topic ({@link ViewDecoder}).
 *
 * <p>Dedup asks {@link CountedReaders}: the time of each counted view per (article, visitor),
 * filed under its dedup-period bucket, in memory and journaled to the store
 * {@code first-view-chunks}; buckets older than the retention (two periods + grace) are dropped,
 * so it holds the last two hours' readers.
 *
 * <p>A view touches no store: new readers and changed counts are kept in memory and written to
 * their stores every {@link #WRITE_INTERVAL} (so the lists, which read the stores, stay fresh)
 * and before every commit ({@link CommitHook}, so the commit covers them).
 */
final class HonestViews implements FixedKeyProcessor<byte[], byte[], byte[]> {

    private final long dedupMs;

    private final long graceMs;

    private final long skewMs;

    private final BotDetector bots;

    private final ViewMetrics metrics;

    private @Nullable FixedKeyProcessorContext<byte[], byte[]> context;

    private final CountedReaders readers;

    private final HourlyCounts known = new HourlyCounts(PopularityTopology.BUCKET.toMillis());

    private final HourlyCounts unknown = new HourlyCounts(PopularityTopology.BUCKET.toMillis());

    private @Nullable KeyValueStore<String, ArticleSummary> summaries;

    private static final int KNOWN_ARTICLES_KEPT = 100_000;

    /** How stale the stores may be against what this task counted (the lists are remade every second). */
    static final Duration WRITE_INTERVAL = Duration.ofMillis(200);

    private @Nullable CommitHook commitHook;

    private @Nullable Cancellable writes;

    private final Set<String> knownArticles = new HashSet<>();

    /** Decodes this task's views, handing out one String per repeated article id and user agent. */
    private final ViewReader reader = new ViewReader();

    private static final int AGENTS_KEPT = 10_000;

    /** Whether a user agent is a bot, by agent: a few agents make most views, and each asks a dozen patterns. */
    private final Map<String, Boolean> botAgents = new HashMap<>();

    /** The newest view time this task has seen: "late" is relative to it, not to the wall clock, so a replay counts. */
    private long observed = Long.MIN_VALUE;

    HonestViews(Duration dedupPeriod, Duration grace, Duration clockSkew, BotDetector bots, ViewMetrics metrics) {
        this.dedupMs = dedupPeriod.toMillis();
        this.graceMs = grace.toMillis();
        this.skewMs = clockSkew.toMillis();
        this.bots = bots;
        this.metrics = metrics;
        this.readers = new CountedReaders(PopularityTopology.firstViewsRetention(dedupPeriod, grace).toMillis());
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
        this.context = context;
        WindowStore<Long, byte[]> journal = context.getStateStore(PopularityTopology.FIRST_VIEW_CHUNKS);
        WindowStore<String, ValueAndTimestamp<Long>> hourly = context.getStateStore(PopularityTopology.HOURLY_VIEWS);
        WindowStore<String, ValueAndTimestamp<Long>> apart =
                context.getStateStore(PopularityTopology.UNKNOWN_ARTICLE_VIEWS);
        readers.restore(journal);
        known.reset(hourly);
        unknown.reset(apart);
        // also on a revived task: what it saw after the last commit was rolled back with the store
        observed = Long.MIN_VALUE;
        // global stores are readable from every processor
        this.summaries = context.getStateStore(PopularityTopology.ARTICLE_SUMMARIES);
        CommitHook hook = context.getStateStore(PopularityTopology.COMMIT_HOOK);
        hook.beforeEachCommit(this::writePending, journal, hourly, apart);
        commitHook = hook;
        writes = context.schedule(WRITE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> writePending());
    }

    /** Writing early is always safe: the stores' changes commit or abort with the offsets of the views. */
    private void writePending() {
        readers.writePending();
        known.writePending();
        unknown.writePending();
    }

    /**
     * Also called before a task is revived after an aborted transaction: what was not written then
     * belongs to views the rolled-back offsets give back, so it must never be written.
     */
    @Override
    public void close() {
        if (commitHook != null) {
            commitHook.forget();
        }
        if (writes != null) {
            writes.cancel();
        }
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        FixedKeyProcessorContext<byte[], byte[]> ctx = require(context);
        ArticleViewed view;
        try {
            view = ViewDecoder.decode(reader, record.key(), record.value());
        }
        catch (EventFormatException e) {
            metrics.record(Outcome.DEAD_LETTERED);
            ctx.forward(record.withHeaders(ViewDecoder.deadLetterHeaders(record.headers(), ctx.recordMetadata(), e)));
            return;
        }
        // event time is when the reader opened the article, whoever produced the record and when
        long at = view.viewedAt().toEpochMilli();
        if (isBot(view.userAgent())) {
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
        if (isRepeat(CountedReaders.hash(view.articleId(), view.visitorId()), at)) {
            metrics.record(Outcome.DUPLICATE);
            return;
        }
        observed = Math.max(observed, at);
        if (isKnown(view.articleId())) {
            known.add(view.articleId(), at);
            metrics.record(Outcome.COUNTED);
        }
        else {
            unknown.add(view.articleId(), at);
            metrics.record(Outcome.UNKNOWN_ARTICLE);
        }
    }

    /**
     * Whether a counted view of this visitor and article lies within the dedup period of {@code at}.
     * Counted views are filed under their period-long bucket, so this asks the same bucket, the one
     * before and the one after (a view out of order may find a later one counted); if none holds
     * one, the view is counted.
     */
    private boolean isRepeat(long key, long at) {
        long bucket = Math.floorDiv(at, dedupMs) * dedupMs;
        if (readers.counted(key, bucket) != null) {
            return true; // same bucket: less than a period apart
        }
        Long before = readers.counted(key, bucket - dedupMs);
        if (before != null && at - before < dedupMs) {
            return true;
        }
        Long after = readers.counted(key, bucket + dedupMs);
        if (after != null && after - at < dedupMs) {
            return true;
        }
        readers.count(key, bucket, at);
        return false;
    }

    private boolean isBot(@Nullable String userAgent) {
        if (userAgent == null) {
            return false;
        }
        Boolean bot = botAgents.get(userAgent);
        if (bot == null) {
            if (botAgents.size() >= AGENTS_KEPT) {
                botAgents.clear();
            }
            bot = bots.isBot(userAgent);
            botAgents.put(userAgent, bot);
        }
        return bot;
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

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("process() before init()");
        }
        return value;
    }
}
