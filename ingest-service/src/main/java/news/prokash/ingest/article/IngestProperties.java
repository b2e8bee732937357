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
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param sections the sections an article may be filed under (lowercase ASCII slugs, part of the URL)
 * @param publishTimeout how long a request waits for Kafka's acknowledgement before answering 503;
 *     a little above the producer's {@code delivery.timeout.ms}, which is the real bound
 * @param retryAfter what the 503 answer tells the client to wait before trying again
 * @param readApiBaseUrl where article-service serves {@code /api/v1/articles/{id}} (the Location header)
 * @param languages the languages an article may be written in; the first is the default
 * @param failFastFor how long requests are refused at once after Kafka failed, before one probe may try
 * @param maxBody the largest request body; larger is refused with 413 before it is read
 * @param maxBulkBody the largest NDJSON body of {@code /bulk}
 * @param bulkChunk how many bulk lines are stored and sent together (one transaction, sends in flight)
 * @param maxBulkLines the most articles one bulk request may hold: every line gets a result in the
 *     answer, so 20 MB of "{}" lines would otherwise make an answer of hundreds of megabytes
 * @param createGroup the most concurrent single creates written in one transaction ({@link GroupedCreates});
 *     0 writes each create in a transaction of its own
 * @param createGroupsInFlight how many such groups are written at once, each by its own request thread: 2 made
 *     groups half as large and the peak no faster on two cores (same-JVM pairs, 2026-11-29); more cores may differ
 */
@ConfigurationProperties("prokash.ingest")
@Validated
public record IngestProperties(
        @NotEmpty List<@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String> sections,
        @DefaultValue("7s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("http://localhost:8082") @Pattern(regexp = "https?://\\S+") String readApiBaseUrl,
        @DefaultValue({ "bn", "en" }) @NotEmpty List<@Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?") String> languages,
        @DefaultValue("2s") Duration failFastFor,
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue("20MB") DataSize maxBulkBody,
        @DefaultValue("500") @Min(1) int bulkChunk,
        @DefaultValue("10000") @Min(1) int maxBulkLines,
        @DefaultValue("64") @Min(0) int createGroup,
        @DefaultValue("1") @Min(1) int createGroupsInFlight,
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
