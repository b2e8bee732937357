package news.prokash.ingest.article;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Article ids: UUID version 7 (RFC 9562), so ids sort by creation time (handy in logs, indexes and
 * the compacted topic) and need no coordination between instances. Within one millisecond the
 * 12-bit {@code rand_a} field counts up (RFC 9562 section 6.2, method 1), so ids from this
 * generator are strictly increasing; the 62 bits of {@code rand_b} stay random.
 */
final class ArticleIds {

    private static final int COUNTER_BITS = 12;
    private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private int counter;

    ArticleIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    /** With another source of the random bits (tests that need two ids to share their last characters). */
    ArticleIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(COUNTER_MAX / 2); // random start leaves room to count up
        }
        else if (counter < COUNTER_MAX) {
            counter++; // same millisecond, or the clock stepped back: stay ordered
        }
        else {
            lastMillis++; // 4096 ids in one millisecond: borrow the next one
            counter = 0;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
