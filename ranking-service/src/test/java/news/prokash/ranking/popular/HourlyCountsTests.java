package news.prokash.ranking.popular;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HourlyCountsTests {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private static final long T0 = 1_000 * HOUR;

    private TopologyTestDriver driver;

    private WindowStore<String, ValueAndTimestamp<Long>> store;

    /** The store as Kafka Streams hands it to a processor. */
    @BeforeEach
    void store() {
        driver = StoreHost.hosting(Stores.timestampedWindowStoreBuilder(
                Stores.inMemoryWindowStore("hourly-views", Duration.ofDays(8), Duration.ofHours(1), false),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().withCachingDisabled());
        store = driver.getTimestampedWindowStore("hourly-views");
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldCountPerArticleAndHourWithTheNewestViewTime() {
        HourlyCounts counts = counts();
        counts.add("a", T0 + 10);
        counts.add("a", T0 + 5);
        counts.add("b", T0 + 1);
        counts.add("a", T0 + HOUR);
        counts.writePending();
        assertThat(store.fetch("a", T0)).isEqualTo(ValueAndTimestamp.make(2L, T0 + 10));
        assertThat(store.fetch("b", T0)).isEqualTo(ValueAndTimestamp.make(1L, T0 + 1));
        assertThat(store.fetch("a", T0 + HOUR)).isEqualTo(ValueAndTimestamp.make(1L, T0 + HOUR));
    }

    @Test
    void shouldWriteOnlyWhenAskedAndOnlyWhatChanged() {
        HourlyCounts counts = counts();
        counts.add("a", T0 + 10);
        counts.add("b", T0 + 10);
        assertThat(store.fetch("a", T0)).isNull();
        counts.writePending();
        assertThat(store.fetch("a", T0).value()).isEqualTo(1L);
        store.put("b", ValueAndTimestamp.make(99L, T0), T0); // not written again unless it changes
        counts.add("a", T0 + 11);
        counts.writePending();
        assertThat(store.fetch("a", T0).value()).isEqualTo(2L);
        assertThat(store.fetch("b", T0).value()).isEqualTo(99L);
    }

    @Test
    void shouldGoOnFromTheStoreAfterAReset() {
        store.put("a", ValueAndTimestamp.make(41L, T0 + 7), T0); // what a restored store holds
        HourlyCounts counts = counts();
        counts.add("a", T0 + 3);
        counts.writePending();
        assertThat(store.fetch("a", T0)).isEqualTo(ValueAndTimestamp.make(42L, T0 + 7));
        counts.add("a", T0 + 4); // not written: rolled back with the transaction
        store.put("a", ValueAndTimestamp.make(10L, T0 + 7), T0); // the store as the revived task restored it
        counts.reset(store);
        counts.writePending();
        assertThat(store.fetch("a", T0).value()).isEqualTo(10L);
        counts.add("a", T0 + 3);
        counts.writePending();
        assertThat(store.fetch("a", T0).value()).isEqualTo(11L);
    }

    @Test
    void shouldReadAnHourBackFromTheStoreOnceItMadeRoomForNewerOnes() {
        HourlyCounts counts = counts();
        for (int hour = 0; hour < 6; hour++) {
            counts.add("a", T0 + hour * HOUR);
        }
        // the two oldest hours made room for newer ones, and were written then
        assertThat(store.fetch("a", T0).value()).isEqualTo(1L);
        assertThat(store.fetch("a", T0 + HOUR).value()).isEqualTo(1L);
        assertThat(store.fetch("a", T0 + 5 * HOUR)).isNull();
        counts.add("a", T0 + 1); // the oldest hour, no longer kept: its count is read again
        counts.add("a", T0 + 5 * HOUR + 1);
        counts.writePending();
        assertThat(store.fetch("a", T0).value()).isEqualTo(2L);
        assertThat(store.fetch("a", T0 + 5 * HOUR).value()).isEqualTo(2L);
        for (int hour = 1; hour < 5; hour++) {
            assertThat(store.fetch("a", T0 + hour * HOUR).value()).isEqualTo(1L);
        }
    }

    private HourlyCounts counts() {
        HourlyCounts counts = new HourlyCounts(HOUR);
        counts.reset(store);
        return counts;
    }

}
