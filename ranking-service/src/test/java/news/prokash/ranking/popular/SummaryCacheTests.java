package news.prokash.ranking.popular;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import news.prokash.contracts.ArticleStatus;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryCacheTests {

    private final SummaryCache cache = new SummaryCache();

    private final CountingStore store = new CountingStore();

    @Test
    void shouldReadEachArticleFromTheStoreOnceUntilItChanges() {
        store.summaries.put("a", summary("a", 1, "প্রথম শিরোনাম"));
        var cached = cache.over(store);

        assertThat(cached.get("a").headline()).isEqualTo("প্রথম শিরোনাম");
        assertThat(cached.get("a").headline()).isEqualTo("প্রথম শিরোনাম");
        assertThat(store.gets).hasValue(1);

        store.summaries.put("a", summary("a", 2, "বদলানো শিরোনাম"));
        cache.changed("a");

        assertThat(cached.get("a").headline()).isEqualTo("বদলানো শিরোনাম");
        assertThat(store.gets).hasValue(2);
    }

    @Test
    void shouldRememberAnUnknownArticleUntilItIsCatalogued() {
        var cached = cache.over(store);
        assertThat(cached.get("later")).isNull();
        assertThat(cached.get("later")).isNull();
        assertThat(store.gets).hasValue(1);

        store.summaries.put("later", summary("later", 1, "নতুন"));
        cache.changed("later");

        assertThat(cached.get("later")).isNotNull();
    }

    @Test
    void shouldCountChanges() {
        long before = cache.current();
        cache.changed("a");
        cache.changed("b");

        assertThat(cache.current()).isEqualTo(before + 2);
    }

    /**
     * A look-up that read the old summary before the store changed must not leave it behind: the change waits for
     * that look-up, then drops what it found.
     */
    @Test
    void shouldNotKeepWhatALookUpReadJustBeforeAChange() throws Exception {
        store.summaries.put("a", summary("a", 1, "পুরনো"));
        store.pauseAfterReading = new CountDownLatch(1);
        AtomicReference<@Nullable ArticleSummary> seenByLookUp = new AtomicReference<>();
        Thread lookUp = Thread.ofPlatform().start(() -> seenByLookUp.set(cache.summary(store, "a")));
        assertThat(store.reading.await(10, TimeUnit.SECONDS)).isTrue(); // it holds the old summary now

        Thread updater = Thread.ofPlatform().start(() -> {
            store.summaries.put("a", summary("a", 2, "নতুন"));
            cache.changed("a");
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (updater.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the change waits for the look-up (or, wrongly, is done)
        }
        store.pauseAfterReading.countDown();
        lookUp.join();
        updater.join();

        assertThat(seenByLookUp.get().headline()).isEqualTo("পুরনো");
        assertThat(cache.summary(store, "a").headline()).isEqualTo("নতুন");
    }

    private static ArticleSummary summary(String id, long version, String headline) {
        return new ArticleSummary(id, version, ArticleStatus.PUBLISHED, headline, "international",
                "https://prokash.example/" + id, OffsetDateTime.parse("2025-07-13T10:42:00+06:00"), null);
    }

    /** A store that counts its look-ups and can hold one after it has read its value. */
    private static final class CountingStore implements ReadOnlyKeyValueStore<String, ArticleSummary> {

        final Map<String, ArticleSummary> summaries = new ConcurrentHashMap<>();

        final AtomicInteger gets = new AtomicInteger();

        final CountDownLatch reading = new CountDownLatch(1);

        volatile @Nullable CountDownLatch pauseAfterReading;

        @Override
        public @Nullable ArticleSummary get(String key) {
            gets.incrementAndGet();
            ArticleSummary value = summaries.get(key);
            CountDownLatch pause = pauseAfterReading;
            if (pause != null) {
                reading.countDown();
                try {
                    pause.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return value;
        }

        @Override
        public KeyValueIterator<String, ArticleSummary> range(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyValueIterator<String, ArticleSummary> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long approximateNumEntries() {
            return summaries.size();
        }
    }
}
