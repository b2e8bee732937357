package news.prokash.ranking.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendTimeout how long a view request waits for Kafka's acknowledgement before answering 503
 * @param retryAfter what 503 answers put in Retry-After
 */
@ConfigurationProperties("prokash.ranking")
public record RankingProperties(@DefaultValue("10s") Duration sendTimeout, @DefaultValue("5s") Duration retryAfter) {
}
