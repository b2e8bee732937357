package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * This instance's reading of the global store of article summaries: the summaries decoded, and a count of changes.
 *
 * <p>Making a list looks up every article with views in the window (thousands), and each look-up in the store
 * decodes the summary anew: right after a burst that was most of the quarter second a 1h list took to make, and
 * lists are made again every second. The decoded summaries are kept here. {@link ArticleSummaryUpdater} calls
 * {@link #changed} after each write to the store: a look-up of that article running meanwhile finishes first
 * (Caffeine computes an entry atomically), then the entry is dropped, so no look-up keeps the summary from before
 * the change. Entries also expire after a while, in case the store is ever replaced without the updater seeing
 * each article (a wiped global state directory).
 *
 * <p>The change count lets an answer dressed from the summaries tell whether it is still what they say
 * ({@link DressedLists}).
 */
final class SummaryCache {

    /** Many more than the articles with views in a week of a large newsroom; a summary is about half a KB. */
    private static final int MAX_SUMMARIES = 50_000;

    private static final Duration KEPT = Duration.ofMinutes(10);

    private final AtomicLong changes = new AtomicLong();

    // Optional.empty() remembers "no such article" too: views for unknown articles are looked up at every list
    private final Cache<String, Optional<ArticleSummary>> summaries = Caffeine.newBuilder()
            .maximumSize(MAX_SUMMARIES)
            .expireAfterWrite(KEPT)
            .build();

    long current() {
        return changes.get();
    }

    /** The summary of an article as the store has it, or null if it has none. */
    @Nullable ArticleSummary summary(ReadOnlyKeyValueStore<String, ArticleSummary> store, String articleId) {
        return summaries.get(articleId, id -> Optional.ofNullable(store.get(id))).orElse(null);
    }

    /** The store, its {@code get} answered from here; ranges and scans read the store. */
    ReadOnlyKeyValueStore<String, ArticleSummary> over(ReadOnlyKeyValueStore<String, ArticleSummary> store) {
        return new ReadOnlyKeyValueStore<>() {
            @Override
            public @Nullable ArticleSummary get(String articleId) {
                return summary(store, articleId);
            }

            @Override
            public KeyValueIterator<String, ArticleSummary> range(String from, String to) {
                return store.range(from, to);
            }

            @Override
            public KeyValueIterator<String, ArticleSummary> reverseRange(String from, String to) {
                return store.reverseRange(from, to);
            }

            @Override
            public KeyValueIterator<String, ArticleSummary> all() {
                return store.all();
            }

            @Override
            public KeyValueIterator<String, ArticleSummary> reverseAll() {
                return store.reverseAll();
            }

            @Override
            public long approximateNumEntries() {
                return store.approximateNumEntries();
            }
        };
    }

    /** After the store's entry for this article was written or deleted. */
    void changed(String articleId) {
        summaries.invalidate(articleId);
        changes.incrementAndGet();
    }
}
