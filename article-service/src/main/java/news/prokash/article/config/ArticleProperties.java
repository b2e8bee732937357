package news.prokash.article.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * {@code prokash.article.*}.
 *
 * @param schema the PostgreSQL schema of this service (the database is shared with ingest-service)
 * @param publicationName the name feeds, the news sitemap and JSON-LD give as publisher
 * @param siteBaseUrl the public site, the link of the feeds
 * @param sections the sections that have a feed
 * @param transientRetry back-off while the database is unreachable (retried until it is back)
 */
@ConfigurationProperties("prokash.article")
public record ArticleProperties(String schema, String publicationName, URI siteBaseUrl, List<String> sections,
        TransientRetry transientRetry) {

    public ArticleProperties {
        Assert.hasText(schema, "prokash.article.schema must be set");
        Assert.hasText(publicationName, "prokash.article.publication-name must be set");
        Assert.notNull(siteBaseUrl, "prokash.article.site-base-url must be set");
        Assert.notEmpty(sections, "prokash.article.sections must list the sections");
        Assert.notNull(transientRetry, "prokash.article.transient-retry must be set");
        sections = List.copyOf(sections);
    }

    /**
     * @param initialInterval the first wait after a failure
     * @param maxInterval the longest wait; far below {@code max.poll.interval.ms}, so the consumer stays in its group
     */
    public record TransientRetry(Duration initialInterval, Duration maxInterval) {

        public TransientRetry {
            Assert.isTrue(initialInterval.isPositive() && maxInterval.compareTo(initialInterval) >= 0,
                    "transient-retry: 0 < initial-interval <= max-interval");
            Assert.isTrue(maxInterval.compareTo(Duration.ofMinutes(2)) <= 0,
                    "transient-retry.max-interval must stay far below max.poll.interval.ms (5 min)");
        }
    }
}
