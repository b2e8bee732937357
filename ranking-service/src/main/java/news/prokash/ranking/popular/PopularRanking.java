package news.prokash.ranking.popular;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Ranks counted articles: most views first, a tie goes to the newer article (fresh news beats old
 * news with as many readers), then the id so the order is stable. Only articles readers may see.
 */
final class PopularRanking {

    private static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::views).reversed()
            .thenComparing(c -> c.summary().publishedAt().toInstant(), Comparator.reverseOrder())
            .thenComparing(c -> c.summary().id());

    private PopularRanking() {
    }

    /**
     * Scans every count: fine while the store holds one entry per article; a windowed list will
     * keep its own top-N instead.
     */
    static List<PopularArticle> top(ReadOnlyKeyValueStore<String, Long> viewCounts,
            ReadOnlyKeyValueStore<String, ArticleSummary> summaries, Instant now, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        try (KeyValueIterator<String, Long> counts = viewCounts.all()) {
            while (counts.hasNext()) {
                KeyValue<String, Long> count = counts.next();
                ArticleSummary summary = summaries.get(count.key);
                if (summary != null && summary.listedAt(now)) {
                    candidates.add(new Candidate(summary, count.value));
                }
            }
        }
        candidates.sort(ORDER);
        List<PopularArticle> items = new ArrayList<>(Math.min(limit, candidates.size()));
        for (Candidate c : candidates.subList(0, Math.min(limit, candidates.size()))) {
            ArticleSummary s = c.summary();
            items.add(new PopularArticle(items.size() + 1, s.id(), s.headline(), s.section(), s.publishedAt(), s.url(),
                    s.leadImage(), c.views()));
        }
        return items;
    }

    private record Candidate(ArticleSummary summary, long views) {
    }
}
