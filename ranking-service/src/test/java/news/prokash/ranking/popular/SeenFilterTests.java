package news.prokash.ranking.popular;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SeenFilterTests {

    private static final long PERIOD = Duration.ofMinutes(30).toMillis();

    private static final long RETENTION = Duration.ofHours(2).toMillis();

    @Test
    void shouldNeverSayNoToAKeyItWasGivenWhileItGrowsToItsLastLayer() {
        SeenFilter filter = new SeenFilter(RETENTION);
        int keys = SeenFilter.FIRST_LAYER_KEYS * ((1 << SeenFilter.MAX_LAYERS) - 1); // fills every layer exactly
        for (int i = 0; i < keys; i++) {
            filter.add(SeenFilter.hash(key(i)), 0);
        }
        for (int i = 0; i < keys; i++) {
            assertThat(filter.mightContain(SeenFilter.hash(key(i)), 0)).as(key(i)).isTrue();
        }
    }

    @Test
    void shouldSayNoToNearlyEveryKeyItWasNotGiven() {
        SeenFilter filter = new SeenFilter(RETENTION);
        int keys = 500_000; // four layers
        for (int i = 0; i < keys; i++) {
            filter.add(SeenFilter.hash(key(i)), 0);
        }
        int maybes = 0;
        for (int i = keys; i < 2 * keys; i++) {
            if (filter.mightContain(SeenFilter.hash(key(i)), 0)) {
                maybes++;
            }
        }
        // each layer ~0.3 % with 12 bits and 8 probes per key; four layers stay well under 2 %
        assertThat((double) maybes / keys).isLessThan(0.02);
    }

    @Test
    void shouldKeepBucketsApart() {
        SeenFilter filter = new SeenFilter(RETENTION);
        filter.add(SeenFilter.hash("7:article-1visitor-1"), PERIOD);
        assertThat(filter.mightContain(SeenFilter.hash("7:article-1visitor-1"), PERIOD)).isTrue();
        assertThat(filter.mightContain(SeenFilter.hash("7:article-1visitor-1"), 0)).isFalse();
        assertThat(filter.mightContain(SeenFilter.hash("7:article-1visitor-1"), 2 * PERIOD)).isFalse();
    }

    @Test
    void shouldAnswerMaybeToEverythingOnceABucketIsBeyondItsLastLayer() {
        SeenFilter filter = new SeenFilter(RETENTION);
        int keys = SeenFilter.FIRST_LAYER_KEYS * ((1 << SeenFilter.MAX_LAYERS) - 1) + 1;
        for (int i = 0; i < keys; i++) {
            filter.add(SeenFilter.hash(key(i)), 0);
        }
        // the last key found no room: the bucket cannot rule anything out any more
        assertThat(filter.mightContain(SeenFilter.hash("never-added"), 0)).isTrue();
        assertThat(filter.mightContain(SeenFilter.hash(key(keys - 1)), 0)).isTrue();
        assertThat(filter.mightContain(SeenFilter.hash("never-added"), PERIOD)).isFalse();
    }

    @Test
    void shouldDropBucketsTheStoreNoLongerHolds() {
        SeenFilter filter = new SeenFilter(RETENTION);
        filter.add(SeenFilter.hash("a"), 0);
        filter.add(SeenFilter.hash("b"), PERIOD);
        filter.add(SeenFilter.hash("c"), RETENTION); // a new bucket: buckets at or before RETENTION - RETENTION = 0 go
        assertThat(filter.buckets()).isEqualTo(2);
        assertThat(filter.mightContain(SeenFilter.hash("a"), 0)).isFalse();
        assertThat(filter.mightContain(SeenFilter.hash("b"), PERIOD)).isTrue();
        filter.add(SeenFilter.hash("late"), 0); // a late view may open an old bucket again; it drops nothing newer
        assertThat(filter.mightContain(SeenFilter.hash("late"), 0)).isTrue();
        assertThat(filter.mightContain(SeenFilter.hash("b"), PERIOD)).isTrue();
    }

    @Test
    void shouldHashEqualStringsAlikeAndSpreadNeighbours() {
        assertThat(SeenFilter.hash(new String("12:article-42visitor-7"))).isEqualTo(SeenFilter.hash("12:article-42visitor-7"));
        assertThat(SeenFilter.hash("12:article-42visitor-7")).isNotEqualTo(SeenFilter.hash("12:article-42visitor-8"));
        assertThat(SeenFilter.hash("")).isNotEqualTo(SeenFilter.hash("\0"));
    }

    private static String key(int i) {
        return HonestViews.visitorKey("article-" + (i % 5000), "visitor-" + i);
    }
}
