package news.prokash.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.observability.ConsumerTracing;
import news.prokash.search.ElasticsearchDown;
import news.prokash.search.TestArticles;
import news.prokash.search.config.SearchProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ArticleIndexerTests {

    @Test
    void shouldAskForARetryAndCountTheFailureWhenElasticsearchIsUnreachable() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SearchProperties properties = ElasticsearchDown.properties();
        try (ElasticsearchClient client = ElasticsearchDown.client()) {
            ArticleIndexer indexer = new ArticleIndexer(client,
                    new ArticleIndexInitializer(client, properties, new JsonMapper()), new IndexingMetrics(registry),
                    ConsumerTracing.NONE, properties);

            assertThatThrownBy(() -> indexer.applyAll(List.of(EventCodec.encode(new ArticlePublished("a-1", 1, Instant.now(), TestArticles.seed("a-1")))), List.of()))
                    .isInstanceOf(SearchIndexUnavailableException.class);
        }
        assertThat(registry.get(IndexingMetrics.METER).tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get(IndexingMetrics.METER).tag("outcome", "indexed").counter().count()).isZero();
    }
}
