package news.prokash.ranking.popular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CountedReadersTests {

    private static final long PERIOD = Duration.ofMinutes(30).toMillis();

    private static final long RETENTION = Duration.ofHours(2).toMillis();

    private static final long BUCKET = 100 * PERIOD;

    private static final long PINNED = 4919588681725453565L;

    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    private WindowStore<Long, byte[]> journal;

    /** A new, empty journal: each call stands for a store as a task restored it. */
    @BeforeEach
    void journal() {
        TopologyTestDriver driver = StoreHost.hosting(Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore("first-view-chunks", Duration.ofMillis(RETENTION),
                                Duration.ofMillis(PERIOD), false),
                        Serdes.Long(), Serdes.ByteArray())
                .withLoggingDisabled()
                .withCachingDisabled());
        drivers.add(driver);
        journal = driver.getWindowStore("first-view-chunks");
    }

    @AfterEach
    void close() {
        drivers.forEach(TopologyTestDriver::close);
    }

    @Test
    void shouldKnowEveryCountedReaderAtItsTimeAndNoOther() {
        CountedReaders readers = restored();
        for (int i = 0; i < 1000; i++) {
            readers.count(key(i), BUCKET, BUCKET + i);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(readers.counted(key(i), BUCKET)).isEqualTo(BUCKET + i);
            assertThat(readers.counted(key(i), BUCKET + PERIOD)).isNull();
        }
        assertThat(readers.counted(key(1000), BUCKET)).isNull();
    }

    @Test
    void shouldJournalOneEntryPerChunkOfReaders() {
        CountedReaders readers = restored();
        int count = CountedReaders.CHUNK_READERS * 3 + 5;
        for (int i = 0; i < count; i++) {
            readers.count(key(i), BUCKET, BUCKET + i);
            if (i == 100) {
                assertThat(chunks()).as("nothing written before writePending").isEmpty();
                readers.writePending();
            }
        }
        readers.writePending();
        List<KeyValue<Windowed<Long>, byte[]>> chunks = chunks();
        assertThat(chunks).hasSize(4);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.key.window().start()).isEqualTo(BUCKET));
        assertThat(chunks.stream().mapToInt(chunk -> chunk.value.length).sum()).isEqualTo(count * 12);
    }

    @Test
    void shouldKnowTheSameReadersAfterARestoreAndNeverOverwriteAChunk() {
        CountedReaders before = restored();
        for (int i = 0; i < 100; i++) {
            before.count(key(i), BUCKET, BUCKET + i);
        }
        // a late view files its reader under an older bucket's chunk
        before.count(key(100), BUCKET - PERIOD, BUCKET - 1);
        before.writePending();

        CountedReaders after = restored();
        for (int i = 0; i < 100; i++) {
            assertThat(after.counted(key(i), BUCKET)).isEqualTo(BUCKET + i);
        }
        assertThat(after.counted(key(100), BUCKET - PERIOD)).isEqualTo(BUCKET - 1);
        // new readers after the restore go to new chunks: the half-full one restored stays as it is
        for (int i = 200; i < 300; i++) {
            after.count(key(i), BUCKET, BUCKET + i);
        }
        after.writePending();
        CountedReaders again = restored();
        for (int i = 0; i < 100; i++) {
            assertThat(again.counted(key(i), BUCKET)).as("reader %d", i).isEqualTo(BUCKET + i);
        }
        for (int i = 200; i < 300; i++) {
            assertThat(again.counted(key(i), BUCKET)).as("reader %d", i).isEqualTo(BUCKET + i);
        }
    }

    @Test
    void shouldForgetWhatARestoreDoesNotBringBack() {
        CountedReaders readers = restored();
        readers.count(key(1), BUCKET, BUCKET);
        readers.writePending();
        readers.count(key(2), BUCKET, BUCKET); // never written: its transaction was aborted
        readers.restore(journal);
        assertThat(readers.counted(key(2), BUCKET)).isNull();
        readers.writePending();
        assertThat(chunks()).hasSize(1).allSatisfy(chunk -> assertThat(chunk.value).hasSize(12));
        WindowStore<Long, byte[]> committed = journal;
        journal(); // a revived task: its store rolled back to the last commit, before that view
        readers.restore(journal);
        assertThat(readers.counted(key(1), BUCKET)).isNull();
        readers.restore(committed);
        assertThat(readers.counted(key(1), BUCKET)).isEqualTo(BUCKET);
    }

    @Test
    void shouldDropBucketsOlderThanTheRetention() {
        CountedReaders readers = restored();
        readers.count(key(1), BUCKET, BUCKET);
        readers.count(key(2), BUCKET + PERIOD, BUCKET + PERIOD);
        readers.count(key(3), BUCKET + RETENTION + PERIOD, BUCKET + RETENTION + PERIOD);
        assertThat(readers.buckets()).isEqualTo(1);
        assertThat(readers.counted(key(1), BUCKET)).isNull();
        // the expired buckets' readers are not written either (the journal would drop them anyway)
        readers.writePending();
        assertThat(chunks()).hasSize(1).allSatisfy(chunk ->
                assertThat(chunk.key.window().start()).isEqualTo(BUCKET + RETENTION + PERIOD));
    }

    @Test
    void shouldRefuseADamagedChunk() {
        journal.put(7L, new byte[13], BUCKET);
        assertThatIllegalStateException().isThrownBy(this::restored).withMessageContaining("13 bytes");
    }

    /** The journal holds these hashes: a change of the function would make every journaled reader a stranger. */
    @Test
    void shouldHashReadersAsTheJournalAlwaysHas() {
        assertThat(CountedReaders.hash("01JZX5N3M8K2Q4R6T8V0W2Y4A6", "visitor-7")).isEqualTo(PINNED);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            String article = Long.toString(random.nextLong(), 36);
            String visitor = "ভিজিটর-" + random.nextInt();
            assertThat(CountedReaders.hash(article, visitor)).isEqualTo(
                    reference(article.length() + ":" + article + visitor));
        }
        // the length's decimal digits, however many
        for (int length : new int[] { 0, 1, 9, 10, 99, 100, 101, 1000, 12_345 }) {
            String article = "a".repeat(length);
            assertThat(CountedReaders.hash(article, "v")).as("length %d", length)
                    .isEqualTo(reference(length + ":" + article + "v"));
        }
        // length-prefixed: moving a char from one id to the other makes another reader
        assertThat(CountedReaders.hash("ab", "c")).isNotEqualTo(CountedReaders.hash("a", "bc"));
    }

    /** FNV-1a 64 over the chars, then MurmurHash3's fmix64: the function as first journaled (2026-11-28). */
    private static long reference(String key) {
        long h = 0xcbf29ce484222325L;
        for (char c : key.toCharArray()) {
            h = (h ^ c) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private CountedReaders restored() {
        CountedReaders readers = new CountedReaders(RETENTION);
        readers.restore(journal);
        return readers;
    }

    private List<KeyValue<Windowed<Long>, byte[]>> chunks() {
        List<KeyValue<Windowed<Long>, byte[]>> chunks = new ArrayList<>();
        try (KeyValueIterator<Windowed<Long>, byte[]> all = journal.all()) {
            all.forEachRemaining(chunks::add);
        }
        return chunks;
    }

    private static long key(int reader) {
        return CountedReaders.hash("article-" + (reader % 7), "visitor-" + reader);
    }
}
