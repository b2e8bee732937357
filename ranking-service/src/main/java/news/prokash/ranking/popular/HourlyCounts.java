package news.prokash.ranking.popular;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * Counted views per article and hour of one task, in a window store ({@code hourly-views} or
 * {@code unknown-article-views}) that the lists read. It is the store a DSL windowed
 * {@code count()} keeps (same layout, changelog and record cache), written without that
 * operator's read of the current count for every view: the counts of the hours a task is
 * counting are kept here, so each view costs one put into the record cache, which merges an
 * article's puts into one changelog record per commit.
 *
 * <p>What is kept here is only a copy of the store: a count not held (first view of an article
 * in an hour, after {@link #reset}, after the oldest hours made room) is read from the store.
 */
final class HourlyCounts {

    /** Hours kept per article: the current one and those the grace may still reach. */
    private static final int HOURS_KEPT = 4;

    /** Past this many articles, the copies are dropped and read again as views come. */
    private static final int ARTICLES_KEPT = 200_000;

    private final long bucketMs;

    private final Map<String, Hours> articles = new HashMap<>();

    private @Nullable WindowStore<String, ValueAndTimestamp<Long>> store;

    HourlyCounts(long bucketMs) {
        this.bucketMs = bucketMs;
    }

    /** Starts from the store as restored (a new or revived task: what was kept here may have been rolled back). */
    void reset(WindowStore<String, ValueAndTimestamp<Long>> restored) {
        store = restored;
        articles.clear();
    }

    void add(String articleId, long at) {
        WindowStore<String, ValueAndTimestamp<Long>> counts = require(store);
        long bucket = Math.floorDiv(at, bucketMs) * bucketMs;
        Hours hours = articles.get(articleId);
        if (hours == null) {
            if (articles.size() >= ARTICLES_KEPT) {
                articles.clear();
            }
            hours = new Hours();
            articles.put(articleId, hours);
        }
        int slot = hours.slot(bucket);
        if (slot < 0) {
            ValueAndTimestamp<Long> stored = counts.fetch(articleId, bucket);
            slot = hours.take(bucket, stored == null ? 0 : stored.value(), stored == null ? at : stored.timestamp());
        }
        long count = ++hours.counts[slot];
        long timestamp = Math.max(hours.timestamps[slot], at);
        hours.timestamps[slot] = timestamp;
        counts.put(articleId, ValueAndTimestamp.make(count, timestamp), bucket);
    }

    private static WindowStore<String, ValueAndTimestamp<Long>> require(@Nullable WindowStore<String, ValueAndTimestamp<Long>> store) {
        if (store == null) {
            throw new IllegalStateException("add() before reset()");
        }
        return store;
    }

    /** One article's kept hours: start, count and newest view time (what the DSL's count stores beside it). */
    private static final class Hours {

        final long[] starts = new long[HOURS_KEPT];

        final long[] counts = new long[HOURS_KEPT];

        final long[] timestamps = new long[HOURS_KEPT];

        private int held;

        int slot(long bucket) {
            for (int i = 0; i < held; i++) {
                if (starts[i] == bucket) {
                    return i;
                }
            }
            return -1;
        }

        /** Keeps a count read from the store, in place of the oldest hour when all slots are taken. */
        int take(long bucket, long count, long timestamp) {
            int slot = held;
            if (held < HOURS_KEPT) {
                held++;
            }
            else {
                slot = 0;
                for (int i = 1; i < HOURS_KEPT; i++) {
                    if (starts[i] < starts[slot]) {
                        slot = i;
                    }
                }
            }
            starts[slot] = bucket;
            counts[slot] = count;
            timestamps[slot] = timestamp;
            return slot;
        }
    }
}
