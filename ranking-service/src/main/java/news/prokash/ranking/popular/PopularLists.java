package news.prokash.ranking.popular;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The merged lists, whichever instance holds which partition. Each list is rebuilt at most every
 * {@code list-refresh}, in the background, while requests get the last good one with its age: a
 * request never waits for other instances unless there is no list at all yet. A rebuild takes
 * every instance's part (this one's from its stores, the others' over HTTP) and is kept only if
 * the parts cover every partition exactly once; otherwise (a rebalance) it retries, and while it
 * fails the last good list keeps being served, older.
 */
@Component
class PopularLists implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PopularLists.class);

    private static final int ATTEMPTS = 3;

    private static final Duration FIRST_LIST_TIMEOUT = Duration.ofSeconds(10);

    /** The age gauge looks at lists served this recently (a list nobody asks for is not refreshed, nor stale). */
    private static final Duration SERVED_RECENTLY = Duration.ofMinutes(1);

    private static final long NEVER = Long.MIN_VALUE;

    private final RankingStores stores;

    private final PeerClient peers;

    private final Clock clock;

    private final Duration refresh;

    private final Map<ListKind, Snapshot> snapshots = new ConcurrentHashMap<>();

    private final Map<ListKind, CompletableFuture<Snapshot>> rebuilding = new ConcurrentHashMap<>();

    /**
     * When each list was last served, in epoch ms, written at most once a second: a write per request into
     * a shared map made 2,000 requests/s queue on its lock (JFR: waits of up to 38 ms).
     */
    private final Map<ListKind, AtomicLong> servedAt = new EnumMap<>(ListKind.class);

    /** How long making each list takes (every instance's part merged), by list: what bounds its freshness. */
    private final Map<ListKind, Timer> making = new EnumMap<>(ListKind.class);

    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("popular-lists-", 0).daemon().factory());

    PopularLists(RankingStores stores, PeerClient peers, Clock clock, RankingProperties properties,
            MeterRegistry registry) {
        this.stores = stores;
        this.peers = peers;
        this.clock = clock;
        this.refresh = properties.listRefresh();
        for (ListKind kind : ListKind.values()) {
            servedAt.put(kind, new AtomicLong(NEVER));
            making.put(kind, Timer.builder("prokash.ranking.popular.making")
                    .description("time to make a popular or trending list, merged over all instances")
                    .tag("list", kind.window())
                    .register(registry));
        }
        Gauge.builder("prokash.ranking.popular.age", this, PopularLists::ageSeconds)
                .description("age of the oldest popular or trending list served in the last minute")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The oldest of the lists readers got in the last minute: how far behind the views they are. */
    double ageSeconds() {
        Instant now = clock.instant();
        long recently = now.minus(SERVED_RECENTLY).toEpochMilli();
        return snapshots.entrySet().stream()
                .filter(entry -> {
                    long served = servedAt.get(entry.getKey()).get();
                    return served != NEVER && served > recently;
                })
                .mapToDouble(entry -> Duration.between(entry.getValue().madeAt(), now).toMillis() / 1000.0)
                .max()
                .orElse(0);
    }

    /** @throws RankingUnavailableException only while no list has been made yet */
    Snapshot get(ListKind kind) {
        AtomicLong served = servedAt.get(kind);
        long nowMillis = clock.millis();
        long last = served.get();
        if (last == NEVER || nowMillis - last >= 1_000 || nowMillis < last) {
            served.set(nowMillis);
        }
        Snapshot current = snapshots.get(kind);
        if (current == null) {
            try {
                return rebuild(kind).get(FIRST_LIST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RankingUnavailableException(stores.retryAfter(), e);
            }
            catch (ExecutionException | TimeoutException e) {
                throw new RankingUnavailableException(stores.retryAfter(), e);
            }
        }
        // a list that takes long to make (7d over thousands of articles) is made less often, so
        // that rebuilding never keeps more than about a third of a thread busy
        Duration every = refresh.compareTo(current.took().multipliedBy(3)) >= 0 ? refresh : current.took().multipliedBy(3);
        if (!current.madeAt().plus(every).isAfter(clock.instant())) {
            rebuild(kind);
        }
        return current;
    }

    /** One rebuild per list at a time; callers share it. */
    private CompletableFuture<Snapshot> rebuild(ListKind kind) {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = rebuilding.putIfAbsent(kind, mine);
        if (running != null) {
            return running;
        }
        executor.execute(() -> {
            try {
                Snapshot made = make(kind);
                snapshots.put(kind, made);
                mine.complete(made);
            }
            catch (RuntimeException e) {
                log.debug("Could not rebuild the {} list: {}", kind, e.toString());
                mine.completeExceptionally(e);
            }
            finally {
                rebuilding.remove(kind, mine);
            }
        });
        return mine;
    }

    private Snapshot make(ListKind kind) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Instant now = clock.instant();
                long t0 = System.nanoTime();
                Partial merged = merge(kind, now);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                making.get(kind).record(took);
                return new Snapshot(merged, now, took);
            }
            catch (RuntimeException e) {
                last = e;
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        throw last;
    }

    private Partial merge(ListKind kind, Instant now) {
        Map<HostInfo, Set<Integer>> assignment = stores.assignment();
        HostInfo self = stores.self();
        Set<Integer> expected = new HashSet<>();
        assignment.values().forEach(expected::addAll);
        if (expected.isEmpty()) {
            throw new IncompleteListException("no partitions assigned yet");
        }
        List<Partial> parts = new ArrayList<>();
        for (Map.Entry<HostInfo, Set<Integer>> host : assignment.entrySet()) {
            if (host.getValue().isEmpty()) {
                continue;
            }
            parts.add(host.getKey().equals(self) || assignment.size() == 1
                    ? stores.localPartial(kind, now)
                    : peers.partial(host.getKey(), kind, now));
        }
        Set<Integer> covered = new HashSet<>();
        for (Partial part : parts) {
            for (int partition : part.partitions()) {
                if (!covered.add(partition)) {
                    throw new IncompleteListException("partition " + partition + " counted twice (rebalancing)");
                }
            }
        }
        if (!covered.equals(expected) || expected.size() < maxPartition(expected) + 1) {
            throw new IncompleteListException("partitions " + covered + " of " + expected + " (rebalancing)");
        }
        return Partial.merge(parts, LocalRanking.DEPTH);
    }

    private static int maxPartition(Set<Integer> partitions) {
        return partitions.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /**
     * A merged list and the moment it describes.
     *
     * @param took how long making it took
     */
    record Snapshot(Partial list, Instant madeAt, Duration took) {
    }

    static final class IncompleteListException extends RuntimeException {

        IncompleteListException(String message) {
            super(message);
        }
    }
}
