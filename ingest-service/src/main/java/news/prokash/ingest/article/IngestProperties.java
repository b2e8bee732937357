package news.prokash.ingest.article;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param sections the sections an article may be filed under (lowercase ASCII slugs, part of the URL)
 * @param publishTimeout how long a request waits for Kafka's acknowledgement before answering 503;
 *     a little above the producer's {@code delivery.timeout.ms}, which is the real bound
 * @param retryAfter what the 503 answer tells the client to wait before trying again
 * @param readApiBaseUrl where article-service serves {@code /api/v1/articles/{id}} (the Location header)
 */
@ConfigurationProperties("prokash.ingest")
@Validated
public record IngestProperties(
        @NotEmpty List<@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String> sections,
        @DefaultValue("7s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("http://localhost:8082") @Pattern(regexp = "https?://\\S+") String readApiBaseUrl,
        @DefaultValue @Valid @NotNull Topic topic) {

    /**
     * The articles topic as this service declares it (the other services declare it the same way).
     *
     * @param minCompactionLag how long a superseded version stays readable before compaction may drop it
     */
    public record Topic(@DefaultValue("1") @Min(1) int replicationFactor,
            @DefaultValue("1m") Duration minCompactionLag) {
    }
}
