package news.prokash.ranking.popular;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Ranks the articles of some partitions from their hourly buckets.
 *
 * <p>A window of N hours is the sum of the buckets it overlaps; the oldest one, which the window
 * cuts, counts with the share of it inside the window (views spread evenly over an hour: the
 * sliding-window estimate rate limiters use). The current bucket always counts whole, so views
 * "just now" are exact; only the oldest hour of a window is an estimate.
 *
 * <p>Trending: acceleration = v / (b + d), where v = views in the last hour, b = mean hourly views
 * in the {@code baselineHours} before it and d the damping, for articles with v at least
 * {@code minViews}. A ratio (not a difference) so a story rising from 10 to 200 an hour beats
 * a steady 2,000-an-hour story; d keeps a first hour after publication (b = 0) finite and stops a
 * handful of views over nothing from looking like a surge, as does the minimum.
 */
final class LocalRanking {

    /** The longest list asked for (50) and room for articles taken down since the list was made. */
    static final int DEPTH = 60;

    private static final long BUCKET_MS = PopularityTopology.BUCKET.toMillis();

    private LocalRanking() {
    }

    static Partial partial(ListKind kind, Set<Integer> partitions,
            List<? extends ReadOnlyWindowStore<String, Long>> stores,
            ReadOnlyKeyValueStore<String, ArticleSummary> summaries, Instant now, RankingProperties.Trending trending) {
        return Partial.of(partitions, entries(kind, stores, summaries, now, trending), DEPTH);
    }

    static List<RankedEntry> entries(ListKind kind, List<? extends ReadOnlyWindowStore<String, Long>> stores,
            ReadOnlyKeyValueStore<String, ArticleSummary> summaries, Instant now, RankingProperties.Trending trending) {
        long to = now.toEpochMilli();
        long recentFrom = to - kind.span().toMillis();
        long baselineFrom = kind == ListKind.TRENDING
                ? recentFrom - Duration.ofHours(trending.baselineHours()).toMillis()
                : recentFrom;
        // [0] = views in the window (the last hour for trending), [1] = views in the baseline before it
        Map<String, double[]> views = new HashMap<>();
        for (ReadOnlyWindowStore<String, Long> store : stores) {
            try (KeyValueIterator<Windowed<String>, Long> buckets = store.fetchAll(
                    Instant.ofEpochMilli(baselineFrom - BUCKET_MS + 1), now.plusMillis(BUCKET_MS))) {
                while (buckets.hasNext()) {
                    KeyValue<Windowed<String>, Long> bucket = buckets.next();
                    long start = bucket.key.window().start();
                    double[] sums = views.computeIfAbsent(bucket.key.key(), id -> new double[2]);
                    sums[0] += bucket.value * share(start, recentFrom, to, to);
                    if (baselineFrom < recentFrom) {
                        sums[1] += bucket.value * share(start, baselineFrom, recentFrom, to);
                    }
                }
            }
        }
        List<RankedEntry> entries = new ArrayList<>();
        views.forEach((id, sums) -> {
            long recent = Math.round(sums[0]);
            if (recent == 0) {
                return;
            }
            ArticleSummary summary = summaries.get(id);
            if (summary == null || !summary.listedAt(now)) {
                return; // unknown, taken down or scheduled: never ranked
            }
            double score = recent;
            if (kind == ListKind.TRENDING) {
                if (recent < trending.minViews()) {
                    return;
                }
                double baseline = sums[1] / trending.baselineHours();
                score = Math.round(sums[0] / (baseline + trending.damping()) * 1000) / 1000.0;
            }
            entries.add(new RankedEntry(id, summary.section(), summary.publishedAt().toInstant(), recent, score));
        });
        return entries;
    }

    /**
     * How much of a bucket's views fall in [from, to): its overlap with that range over its length,
     * the length of the current bucket being what has passed of it.
     */
    static double share(long bucketStart, long from, long to, long now) {
        long bucketEnd = Math.min(bucketStart + BUCKET_MS, now);
        if (bucketEnd <= bucketStart) {
            return to >= now ? 1 : 0; // starts now or later (a client clock a little ahead): it is "now"
        }
        long overlap = Math.min(bucketEnd, to) - Math.max(bucketStart, from);
        return overlap <= 0 ? 0 : (double) overlap / (bucketEnd - bucketStart);
    }
}
