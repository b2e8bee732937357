package news.prokash.ranking.popular;

import java.time.Instant;
import java.util.Comparator;

/**
 * One article's place in a list before it is dressed with its current headline: what instances
 * exchange when they merge their partitions' lists.
 *
 * @param views distinct-visitor views in the window (for trending: in the last hour)
 * @param score what the list sorts by: the views for popular, the acceleration for trending
 */
record RankedEntry(String id, String section, Instant publishedAt, long views, double score) {

    /**
     * Highest score first; a tie goes to the newer article (fresh news beats old news with as many
     * readers), then the id so every instance orders alike.
     */
    static final Comparator<RankedEntry> ORDER = Comparator.comparingDouble(RankedEntry::score).reversed()
            .thenComparing(RankedEntry::views, Comparator.reverseOrder())
            .thenComparing(RankedEntry::publishedAt, Comparator.reverseOrder())
            .thenComparing(RankedEntry::id);
}
