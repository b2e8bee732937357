package news.prokash.ranking.view;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import news.prokash.ranking.config.RankingProperties.RateLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewRateLimiterTests {

    /** 10 at once per address then 2/s; 3 at once per visitor then one every 2 s. */
    private static final RateLimit LIMITS = new RateLimit(true, 10, 2, 3, 0.5, 1000, List.of());

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private final Ticker clock = nanos::get;

    private final ViewRateLimiter limiter = new ViewRateLimiter(LIMITS, clock);

    @Test
    void shouldAdmitABurstFromOneAddressThenRefuseVisitorRotationUntilTokensRefill() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit("203.0.113.7", "rotating-" + i)).isNull();
        }
        assertThat(limiter.admit("203.0.113.7", "rotating-10")).isEqualTo(Duration.ofMillis(500));

        advance(Duration.ofMillis(499));
        assertThat(limiter.admit("203.0.113.7", "rotating-11")).isEqualTo(Duration.ofMillis(1));
        advance(Duration.ofMillis(1));
        assertThat(limiter.admit("203.0.113.7", "rotating-12")).isNull();
        assertThat(limiter.admit("203.0.113.7", "rotating-13")).isNotNull();
    }

    @Test
    void shouldRefuseOneVisitorHammeringWithoutUsingUpItsAddressesTokens() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit("198.51.100.1", "hammer")).isNull();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.admit("198.51.100.1", "hammer")).isEqualTo(Duration.ofSeconds(2));
        }
        // a neighbour behind the same address: 10 - 3 tokens are left for others
        for (int i = 0; i < 7; i++) {
            assertThat(limiter.admit("198.51.100.1", "neighbour-" + i)).isNull();
        }
        assertThat(limiter.admit("198.51.100.1", "neighbour-7")).isNotNull();
    }

    @Test
    void shouldKeepClientsApart() {
        for (int i = 0; i < 50; i++) {
            limiter.admit("203.0.113.7", "flood-" + i);
        }
        assertThat(limiter.admit("203.0.113.8", "reader")).isNull();
        assertThat(limiter.admit(null, "other-reader")).isNull();
    }

    @Test
    void shouldLimitViewsWithoutAnAddressByVisitorOnly() {
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.admit(null, "reader-" + i)).isNull();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(null, "one")).isNull();
        }
        assertThat(limiter.admit(null, "one")).isNotNull();
    }

    @Test
    void shouldNeverHoldMoreThanTheBurstAfterALongPause() {
        advance(Duration.ofHours(5));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit("203.0.113.7", "v" + i)).isNull();
        }
        assertThat(limiter.admit("203.0.113.7", "v10")).isNotNull();
    }

    @Test
    void shouldForgetBucketsOnceTheyWouldBeFullAgainAndStayWithinMaxKeys() {
        ViewRateLimiter small = new ViewRateLimiter(new RateLimit(true, 10, 2, 3, 0.5, 50, List.of()), clock);
        for (int i = 0; i < 500; i++) {
            small.admit("10.0.0." + (i % 200), "visitor-" + i);
        }
        assertThat(small.size()).isLessThanOrEqualTo(100);

        // visitor buckets refill in 3 / 0.5 = 6 s, address buckets in 10 / 2 = 5 s
        advance(Duration.ofSeconds(6).plusMillis(1));
        assertThat(small.size()).isZero();
    }

    @Test
    void shouldAdmitEverythingWhenDisabled() {
        ViewRateLimiter off = new ViewRateLimiter(new RateLimit(false, 1, 0.01, 1, 0.01, 10, List.of()), clock);
        for (int i = 0; i < 100; i++) {
            assertThat(off.admit("203.0.113.7", "same")).isNull();
        }
        assertThat(off.size()).isZero();
    }

    @Test
    void shouldRoundRetryAfterUpToWholeSeconds() {
        assertThat(ViewRateLimitedException.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ViewRateLimitedException.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(ViewRateLimitedException.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
