package news.prokash.ranking.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param sendTimeout how long a view request waits for Kafka's acknowledgement before answering 503
 * @param retryAfter what 503 answers put in Retry-After
 * @param dedupPeriod repeated views of one article by one visitor within this period count once
 * @param grace how late a view may arrive (by its {@code viewedAt}) and still count in its hour
 * @param clockSkew how far in the future a {@code viewedAt} may be (clients' clocks drift)
 * @param botPatterns user-agent substrings (case-insensitive) of crawlers and bots: dropped and counted, not ranked
 * @param maxBatch the most views one batch request may carry
 * @param listRefresh how old a merged list may get before a request triggers a new one (served meanwhile)
 * @param peerTimeout how long the list merge waits for another instance's partial list
 * @param trending the acceleration formula's parameters
 * @param maxBatchBody the largest batch body (bytes); larger ones are refused with 413 before they are read
 * @param rateLimit per-client limits on the view intake
 */
@ConfigurationProperties("prokash.ranking")
public record RankingProperties(@DefaultValue("10s") Duration sendTimeout, @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("30m") Duration dedupPeriod, @DefaultValue("1h") Duration grace,
        @DefaultValue("2m") Duration clockSkew,
        @DefaultValue({ "bot", "crawler", "spider", "slurp", "facebookexternalhit", "headlesschrome", "lighthouse",
                "python-requests", "curl/", "wget/", "httpclient", "okhttp", "scrapy", "feedfetcher", "mediapartners" })
        List<String> botPatterns,
        @DefaultValue("1000") int maxBatch, @DefaultValue("1s") Duration listRefresh,
        @DefaultValue("2s") Duration peerTimeout, @DefaultValue Trending trending,
        @DefaultValue("4MB") DataSize maxBatchBody, @DefaultValue RateLimit rateLimit) {

    /** Defaults for code that has no Spring context (tests, benchmarks). */
    public static RankingProperties defaults() {
        return new RankingProperties(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofMinutes(2),
                List.of("bot", "crawler", "spider", "slurp", "facebookexternalhit", "headlesschrome", "lighthouse",
                        "python-requests", "curl/", "wget/", "httpclient", "okhttp", "scrapy", "feedfetcher",
                        "mediapartners"),
                1000, Duration.ofSeconds(1), Duration.ofSeconds(2), new Trending(6, 10, 5.0), DataSize.ofMegabytes(4),
                new RateLimit(true, 100, 10, 30, 0.5, 100_000,
                        List.of("127.0.0.0/8", "::1/128")));
    }

    /**
     * acceleration = views in the last hour / (mean hourly views of the {@code baselineHours} before + {@code damping}),
     * for articles with at least {@code minViews} in the last hour.
     */
    public record Trending(@DefaultValue("6") int baselineHours, @DefaultValue("10") long minViews,
            @DefaultValue("5") double damping) {
    }

    /**
     * Token buckets on the view intake, so that one client cannot flood the lists (README, "Rate limiting").
     * Each instance keeps its own buckets. A burst is what a full bucket admits at once, the rate what it
     * admits per second after that.
     *
     * @param enabled off: every view is admitted
     * @param addressBurst per caller's address (each view takes a token)
     * @param addressPerSecond per caller's address
     * @param visitorBurst per visitor id
     * @param visitorPerSecond per visitor id
     * @param maxKeys the most buckets kept of each kind (memory bound; idle full buckets are dropped anyway)
     * @param trustedProxies addresses or CIDR blocks of the website's edge and internal proxies: only their
     *        {@code X-Forwarded-For} is believed, and their own address is never limited
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") int addressBurst,
            @DefaultValue("10") double addressPerSecond, @DefaultValue("30") int visitorBurst,
            @DefaultValue("0.5") double visitorPerSecond, @DefaultValue("100000") int maxKeys,
            @DefaultValue({ "127.0.0.0/8", "::1/128" }) List<String> trustedProxies) {
    }
}
