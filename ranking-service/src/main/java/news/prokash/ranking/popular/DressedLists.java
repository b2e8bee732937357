package news.prokash.ranking.popular;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * The lists last answered, dressed, per kind, section and limit: reused while the counts (the snapshot), the article
 * catalogue and the second are the same. Dressing reads and decodes one summary per item from the global store,
 * which was a sixth of the service's CPU at 2,000 requests/s (JFR, README), and the website asks for the same few
 * lists over and over. An edit, unpublication or deletion moves the change count of the {@link SummaryCache}, so it
 * still shows at once; a scheduled article reaches the lists within {@code maxAge}.
 */
final class DressedLists {

    /** Sections are the caller's words: the cache is bounded, so odd ones only evict each other. */
    private static final int MAX_ENTRIES = 1_000;

    record Key(ListKind kind, @Nullable String section, int limit) {
    }

    private record Dressed(PopularLists.Snapshot snapshot, long catalogVersion, Instant at, List<PopularArticle> items) {
    }

    private final Cache<Key, Dressed> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    private final SummaryCache catalog;

    private final Duration maxAge;

    DressedLists(SummaryCache catalog, Duration maxAge) {
        this.catalog = catalog;
        this.maxAge = maxAge;
    }

    List<PopularArticle> get(Key key, PopularLists.Snapshot snapshot, Instant now,
            Supplier<List<PopularArticle>> dress) {
        long version = catalog.current(); // read first: a change while dressing makes the next request dress again
        Dressed last = cache.getIfPresent(key);
        if (last != null && last.snapshot() == snapshot && last.catalogVersion() == version && !now.isBefore(last.at())
                && Duration.between(last.at(), now).compareTo(maxAge) < 0) {
            return last.items();
        }
        List<PopularArticle> items = List.copyOf(dress.get());
        cache.put(key, new Dressed(snapshot, version, now, items));
        return items;
    }
}
