package news.prokash.search.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code prokash.search.*}.
 *
 * @param index where articles live in Elasticsearch
 * @param retry how long the consumer waits between attempts while Elasticsearch is unavailable
 */
@ConfigurationProperties("prokash.search")
@Validated
public record SearchProperties(@DefaultValue @Valid Index index, @DefaultValue @Valid Retry retry) {

    /**
     * Readers and writers only ever use {@link #alias()}, so a rebuild into a new index is an
     * alias swap, not a redeploy.
     *
     * @param alias what every request names
     * @param name the concrete index created when the alias is missing; a rebuild creates
     *     {@code <name>-<timestamp>}
     * @param definition settings and mappings of a new index
     * @param shards primary shards of a new index (1 on a laptop, more in production)
     * @param replicas replicas of a new index (0 on a single node, else yellow health)
     */
    public record Index(
            @DefaultValue("articles") @NotBlank String alias,
            @DefaultValue("articles-v3") @NotBlank String name,
            @DefaultValue("classpath:elasticsearch/articles-v3.json") Resource definition,
            @DefaultValue("1") @Min(1) int shards,
            @DefaultValue("0") @Min(0) int replicas) {
    }

    /**
     * Elasticsearch being unavailable is retried without end (an event is never dead-lettered for
     * it), the wait doubling from {@code initial} up to {@code max}.
     */
    public record Retry(
            @DefaultValue("1s") Duration initial,
            @DefaultValue("30s") Duration max) {
    }
}
