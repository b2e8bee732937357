package news.prokash.ranking.popular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ReaderTableTests {

    @Test
    void shouldAnswerLikeAHashMapWhileItGrows() {
        ReaderTable table = new ReaderTable(16);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            // a narrow key range, so that keys are replaced as well as added
            long key = CountedReaders.hash("article", "reader-" + random.nextInt(200_000));
            int offset = random.nextInt(1_800_000);
            table.put(key, offset);
            expected.put(key, offset);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((key, offset) -> assertThat(table.get(key)).isEqualTo(offset));
        for (int i = 200_000; i < 210_000; i++) {
            assertThat(table.get(CountedReaders.hash("article", "reader-" + i))).isEqualTo(ReaderTable.ABSENT);
        }
    }

    @Test
    void shouldKeepTheKeysThatCollideWithTheEmptySlotMarker() {
        ReaderTable table = new ReaderTable();
        table.put(0, 5);
        assertThat(table.get(0)).isEqualTo(5);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepKeysThatShareASlot() {
        ReaderTable table = new ReaderTable(16);
        // same low bits after folding the halves: one probe sequence
        for (long i = 1; i <= 8; i++) {
            table.put(i << 32 | i, (int) i);
        }
        for (long i = 1; i <= 8; i++) {
            assertThat(table.get(i << 32 | i)).isEqualTo((int) i);
        }
        assertThat(table.get(9L << 32 | 9)).isEqualTo(ReaderTable.ABSENT);
    }

    @Test
    void shouldRefuseANegativeOffsetWhichWouldReadAsAbsent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReaderTable().put(42, -1));
    }
}
