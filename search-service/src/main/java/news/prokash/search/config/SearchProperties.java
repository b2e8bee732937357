package news.prokash.search.config;

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
 */
@ConfigurationProperties("prokash.search")
@Validated
public record SearchProperties(@DefaultValue @Valid Index index) {

    /**
     * Readers and writers only ever use {@link #alias()}, so a reindex into {@code articles-v2}
     * is an alias swap, not a redeploy.
     *
     * @param alias what every request names
     * @param name the concrete index created when the alias is missing
     * @param definition settings and mappings of {@link #name()}
     * @param shards primary shards of a new index (1 on a laptop, more in production)
     * @param replicas replicas of a new index (0 on a single node, else yellow health)
     */
    public record Index(
            @DefaultValue("articles") @NotBlank String alias,
            @DefaultValue("articles-v1") @NotBlank String name,
            @DefaultValue("classpath:elasticsearch/articles-v1.json") Resource definition,
            @DefaultValue("1") @Min(1) int shards,
            @DefaultValue("0") @Min(0) int replicas) {
    }
}
