package news.prokash.ranking.view;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import news.prokash.ranking.config.RankingProperties;
import news.prokash.ranking.config.RankingProperties.RateLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets per caller's address and per visitor id. Honest counting already counts a visitor
 * once per article per dedup period, so the floods left are one client rotating visitor ids (the
 * address bucket) and one visitor hammering (the visitor bucket). In memory, per instance.
 */
@Component
class ViewRateLimiter {

    private final RateLimit settings;

    private final Ticker ticker;

    private final Cache<String, TokenBucket> addresses;

    private final Cache<String, TokenBucket> visitors;

    @Autowired
    ViewRateLimiter(RankingProperties properties) {
        this(properties.rateLimit(), Ticker.systemTicker());
    }

    ViewRateLimiter(RateLimit settings, Ticker ticker) {
        if (settings.addressBurst() < 1 || settings.visitorBurst() < 1 || !(settings.addressPerSecond() > 0)
                || !(settings.visitorPerSecond() > 0) || settings.maxKeys() < 1) {
            throw new IllegalArgumentException("prokash.ranking.rate-limit: bursts, rates and max-keys must be positive");
        }
        this.settings = settings;
        this.ticker = ticker;
        this.addresses = buckets(settings.addressBurst(), settings.addressPerSecond());
        this.visitors = buckets(settings.visitorBurst(), settings.visitorPerSecond());
    }

    /**
     * A bucket left alone until it is full again behaves exactly like a new one, so it may be
     * forgotten then: memory follows the active clients, bounded by {@code max-keys}.
     */
    private Cache<String, TokenBucket> buckets(int burst, double perSecond) {
        return Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess((long) Math.ceil(burst / perSecond * 1e9), TimeUnit.NANOSECONDS)
                .maximumSize(settings.maxKeys())
                .build();
    }

    /**
     * Takes a token from the visitor's bucket and, if there is one, the address's.
     *
     * @param address the caller's address, or null when a trusted proxy sent the view for readers it
     *        does not name (the visitor id is then the only key)
     * @return null if admitted, else how long until the refusing bucket has a token again
     */
    @Nullable Duration admit(@Nullable String address, String visitorId) {
        if (!settings.enabled()) {
            return null;
        }
        long now = ticker.read();
        TokenBucket byAddress = address == null ? null
                : addresses.get(address, key -> new TokenBucket(settings.addressBurst(), settings.addressPerSecond(), now));
        // an address already out of tokens creates no visitor bucket: a client rotating ids cannot fill the cache
        if (byAddress != null && !byAddress.hasToken(now)) {
            return byAddress.untilNextToken(now);
        }
        TokenBucket byVisitor = visitors.get(visitorId,
                key -> new TokenBucket(settings.visitorBurst(), settings.visitorPerSecond(), now));
        // the visitor first: one visitor hammering must not use up the tokens of others behind the same address
        if (!byVisitor.take(now)) {
            return byVisitor.untilNextToken(now);
        }
        if (byAddress != null && !byAddress.take(now)) {
            return byAddress.untilNextToken(now);
        }
        return null;
    }

    /** Buckets held now (both kinds), for tests of the memory bound. */
    long size() {
        addresses.cleanUp();
        visitors.cleanUp();
        return addresses.estimatedSize() + visitors.estimatedSize();
    }

    /** Refilled continuously at {@code perSecond}, holding at most {@code capacity} tokens. */
    static final class TokenBucket {

        private final double capacity;

        private final double perNano;

        private double tokens;

        private long refilledAt;

        TokenBucket(int capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized boolean hasToken(long now) {
            refill(now);
            return tokens >= 1;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized Duration untilNextToken(long now) {
            refill(now);
            return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
                refilledAt = now;
            }
        }
    }
}
