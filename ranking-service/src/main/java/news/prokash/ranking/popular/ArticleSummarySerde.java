package news.prokash.ranking.popular;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the summaries in the local store only (never on a shared topic, so it needs no schema
 * version); keeps the editor's offset on {@code publishedAt}.
 */
final class ArticleSummarySerde implements Serde<ArticleSummary> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public Serializer<ArticleSummary> serializer() {
        return (topic, summary) -> summary == null ? null : MAPPER.writeValueAsBytes(summary);
    }

    @Override
    public Deserializer<ArticleSummary> deserializer() {
        return (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, ArticleSummary.class);
    }
}
