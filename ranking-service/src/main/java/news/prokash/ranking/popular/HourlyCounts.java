package news.prokash.ranking.popular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * Counted views per article and hour of one task, in a window store ({@code hourly-views} or
 * {@code unknown-article-views}) that the lists read. It is the store a DSL windowed
 * {@code count()} keeps (same layout, changelog and record cache), written without that
 * operator's read and put for every view: the counts of the hours a task is counting are kept
 * here, and those that changed are put into the store by {@link #writePending()}, which the
 * processor runs every few hundred milliseconds and, through {@link CommitHook}, before every
 * commit. So a view costs a map lookup, and the store one put per changed count and write.
 *
 * <p>What is kept here is a copy of the store plus the changes not yet written: a count not held
 * (first view of an article in an hour, after {@link #reset}, after the oldest hours made room)
 * is read from the store, and a changed count is written before it is dropped.
 */
final class HourlyCounts {

    /** Hours kept per article: the current one and those the grace may still reach. */
    private static final int HOURS_KEPT = 4;

    /** Past this many articles, the copies are written and dropped, and read again as views come. */
    private static final int ARTICLES_KEPT = 200_000;

    private final long bucketMs;

    private final Map<String, Hours> articles = new HashMap<>();

    /** Articles with a count changed since the last write. */
    private final List<Hours> unwritten = new ArrayList<>();

    private @Nullable WindowStore<String, ValueAndTimestamp<Long>> store;

    HourlyCounts(long bucketMs) {
        this.bucketMs = bucketMs;
    }

    /**
     * Starts from the store as restored (a new or revived task: what was kept here, changes not
     * yet written included, may have been rolled back).
     */
    void reset(WindowStore<String, ValueAndTimestamp<Long>> restored) {
        store = restored;
        articles.clear();
        unwritten.clear();
    }

    void add(String articleId, long at) {
        long bucket = Math.floorDiv(at, bucketMs) * bucketMs;
        Hours hours = articles.get(articleId);
        if (hours == null) {
            if (articles.size() >= ARTICLES_KEPT) {
                writePending();
                articles.clear();
            }
            hours = new Hours(articleId);
            articles.put(articleId, hours);
        }
        int slot = hours.slot(bucket);
        if (slot < 0) {
            slot = hours.oldestOrFree();
            if (hours.isDirty(slot)) {
                write(hours, slot);
            }
            ValueAndTimestamp<Long> stored = require(store).fetch(articleId, bucket);
            hours.take(slot, bucket, stored == null ? 0 : stored.value(), stored == null ? at : stored.timestamp());
        }
        hours.counts[slot]++;
        hours.timestamps[slot] = Math.max(hours.timestamps[slot], at);
        hours.dirty |= 1 << slot;
        if (!hours.queued) {
            hours.queued = true;
            unwritten.add(hours);
        }
    }

    /** Puts every changed count into the store (its record cache takes them to the changelog). */
    void writePending() {
        for (Hours hours : unwritten) {
            for (int slot = 0; slot < HOURS_KEPT; slot++) {
                if (hours.isDirty(slot)) {
                    write(hours, slot);
                }
            }
            hours.queued = false;
        }
        unwritten.clear();
    }

    private void write(Hours hours, int slot) {
        require(store).put(hours.articleId, ValueAndTimestamp.make(hours.counts[slot], hours.timestamps[slot]),
                hours.starts[slot]);
        hours.dirty &= ~(1 << slot);
    }

    private static WindowStore<String, ValueAndTimestamp<Long>> require(@Nullable WindowStore<String, ValueAndTimestamp<Long>> store) {
        if (store == null) {
            throw new IllegalStateException("used before reset()");
        }
        return store;
    }

    /** One article's kept hours: start, count and newest view time (what the DSL's count stores beside it). */
    private static final class Hours {

        final String articleId;

        final long[] starts = new long[HOURS_KEPT];

        final long[] counts = new long[HOURS_KEPT];

        final long[] timestamps = new long[HOURS_KEPT];

        /** One bit per slot changed since it was last written. */
        int dirty;

        /** Whether it is in the list of articles to write. */
        boolean queued;

        private int held;

        Hours(String articleId) {
            this.articleId = articleId;
        }

        int slot(long bucket) {
            for (int i = 0; i < held; i++) {
                if (starts[i] == bucket) {
                    return i;
                }
            }
            return -1;
        }

        boolean isDirty(int slot) {
            return (dirty & (1 << slot)) != 0;
        }

        /** A free slot, or the oldest hour's when all are taken. */
        int oldestOrFree() {
            if (held < HOURS_KEPT) {
                return held;
            }
            int slot = 0;
            for (int i = 1; i < HOURS_KEPT; i++) {
                if (starts[i] < starts[slot]) {
                    slot = i;
                }
            }
            return slot;
        }

        /** Keeps a count read from the store in the slot; a changed count it held must have been written first. */
        void take(int slot, long bucket, long count, long timestamp) {
            if (slot == held) {
                held++;
            }
            starts[slot] = bucket;
            counts[slot] = count;
            timestamps[slot] = timestamp;
        }
    }
}
