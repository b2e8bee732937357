package news.prokash.search.indexing;

import java.io.IOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import news.prokash.contracts.ArticleEvent;
import news.prokash.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one article event to the index, idempotently: the document carries the event's version
 * as an external version, so Elasticsearch itself rejects a replayed or out-of-order older event
 * (409) and no read-before-write is needed.
 */
@Component
class ArticleIndexer {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

    private final ElasticsearchClient client;
    private final ArticleIndexInitializer initializer;
    private final IndexingMetrics metrics;
    private final String alias;

    ArticleIndexer(ElasticsearchClient client, ArticleIndexInitializer initializer, IndexingMetrics metrics,
            SearchProperties properties) {
        this.client = client;
        this.initializer = initializer;
        this.metrics = metrics;
        this.alias = properties.index().alias();
    }

    void apply(ArticleEvent event) {
        ArticleDocument document = ArticleDocument.of(event);
        try {
            initializer.ensureExists();
        }
        catch (IOException | ElasticsearchException e) {
            metrics.failed();
            // not this event's fault (Elasticsearch down, plugin missing): retry rather than dead-letter
            throw new SearchIndexUnavailableException("the index cannot be created", e);
        }
        try {
            client.index(i -> i
                    .index(alias)
                    .requireAlias(true)
                    .id(event.articleId())
                    .versionType(VersionType.External)
                    .version(event.version())
                    .document(document));
            metrics.indexed();
        }
        catch (ElasticsearchException e) {
            if (e.status() == 409) {
                metrics.stale();
                log.debug("Ignored {} v{}: the index holds this version or a newer one", event.articleId(), event.version());
                return;
            }
            metrics.failed();
            if (e.status() == 429 || e.status() >= 500) {
                throw new SearchIndexUnavailableException("Elasticsearch answered " + e.status(), e);
            }
            throw new ArticleRejectedException("Elasticsearch rejected " + event.articleId() + " v" + event.version(), e);
        }
        catch (IOException e) {
            metrics.failed();
            throw new SearchIndexUnavailableException("Elasticsearch unreachable", e);
        }
    }
}
