package news.prokash.ranking.popular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.jspecify.annotations.Nullable;

/**
 * A state store that holds nothing: it runs its processor's pending writes just before each commit
 * of its task, so that a processor may keep the changes of the last moments in memory and write
 * them to its stores in batches, and exactly-once still holds.
 *
 * <p>Under exactly-once, a commit takes the input offsets and the changelog records sent so far in
 * one transaction; whatever the offsets cover must have reached the stores by then. Kafka Streams'
 * public API has no hook before a commit ({@code StateStore.flush()} runs after it). What it does
 * call before every commit (the commit interval, a requested commit, handing a task over in a
 * rebalance, a clean close) is {@code flushCache()} of each store implementing the internal
 * {@link CachedStateStore}: that is how its own record caches reach the changelog in time. This
 * store implements that interface; it runs the processor's writes, then flushes the record caches
 * of the stores they went to, so it does not matter where it comes among the task's stores.
 *
 * <p>Building on an internal interface is the price of one batched write per commit instead of one
 * per view (the benchmark in the README). {@code CommitHookTests} checks on a real broker that Kafka
 * Streams still calls it before committing; the restart tests and the fault suite check that the
 * counts stay exact.
 */
final class CommitHook implements StateStore, CachedStateStore<Object, Object> {

    private final String name;

    private volatile boolean open;

    private @Nullable Runnable pendingWrites;

    private List<CachedStateStore<?, ?>> written = List.of();

    private CommitHook(String name) {
        this.name = name;
    }

    /**
     * Before each commit, runs {@code writes}, then flushes the record caches of {@code stores} (as the
     * processor got them from its context) to their changelogs.
     */
    void beforeEachCommit(Runnable writes, StateStore... stores) {
        List<CachedStateStore<?, ?>> caches = new ArrayList<>();
        for (StateStore store : stores) {
            if (!(store instanceof CachedStateStore<?, ?> cached)) {
                throw new IllegalArgumentException("store " + store.name() + " has no record cache to flush");
            }
            caches.add(cached);
        }
        this.written = List.copyOf(caches);
        this.pendingWrites = writes;
    }

    /** The processor is closing (also before its task is revived): nothing of it may be written any more. */
    void forget() {
        pendingWrites = null;
        written = List.of();
    }

    @Override
    public void flushCache() {
        Runnable writes = pendingWrites;
        if (writes != null) {
            writes.run();
            written.forEach(CachedStateStore::flushCache);
        }
    }

    @Override
    public void clearCache() {
        // holds nothing: called when Kafka Streams recycles a task whose caches were already flushed
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // no changelog, so nothing is ever restored
        context.register(root, (key, value) -> {
        });
        open = true;
    }

    @Override
    public void flush() {
        // after the commit: nothing to do
    }

    @Override
    public void close() {
        forget();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    static StoreBuilder<CommitHook> builder(String name) {
        return new Builder(name);
    }

    /** No cache and no changelog, whatever is asked: there is nothing to keep. */
    private record Builder(String name) implements StoreBuilder<CommitHook> {

        @Override
        public StoreBuilder<CommitHook> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitHook> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitHook> withLoggingEnabled(Map<String, String> config) {
            return this;
        }

        @Override
        public StoreBuilder<CommitHook> withLoggingDisabled() {
            return this;
        }

        @Override
        public CommitHook build() {
            return new CommitHook(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
