package news.prokash.search.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.EventCodec;
import news.prokash.observability.ConsumerTracing;
import news.prokash.observability.ConsumerTracing.HeaderLookup;
import news.prokash.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies article events to the index in one bulk request per batch, idempotently: every document
 * carries its event's version as an external version, so Elasticsearch itself rejects a replayed
 * or out-of-order older event (409, counted as stale) and no read-before-write is needed. That also
 * makes retrying a whole batch harmless. Each event's handling is a span of the trace its headers carry,
 * from decoding to its bulk item's outcome.
 */
@Component
public class ArticleIndexer {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

    private final ElasticsearchClient client;
    private final ArticleIndexInitializer initializer;
    private final IndexingMetrics metrics;
    private final ConsumerTracing tracing;
    private final String alias;

    ArticleIndexer(ElasticsearchClient client, ArticleIndexInitializer initializer, IndexingMetrics metrics,
            ConsumerTracing tracing, SearchProperties properties) {
        this.client = client;
        this.initializer = initializer;
        this.metrics = metrics;
        this.tracing = tracing;
        this.alias = properties.index().alias();
    }

    /**
     * Decodes and indexes a batch of raw events, in order; {@code headers} are the records' own (may be
     * shorter than the batch, or empty, when the binder gives none).
     *
     * @throws SearchIndexUnavailableException Elasticsearch could not take the batch now: retry it all
     * @throws EventRejectedException the event at {@link EventRejectedException#position()} can never be
     *     indexed (undecodable, or refused by Elasticsearch); everything before it is indexed
     */
    void applyAll(List<byte[]> payloads, List<Map<String, Object>> headers) {
        List<ArticleEvent> events = new ArrayList<>(payloads.size());
        List<ConsumerTracing.Span> spans = new ArrayList<>(payloads.size());
        try {
            EventRejectedException undecodable = null;
            for (int i = 0; i < payloads.size(); i++) {
                ConsumerTracing.Span span = tracing.start("search index article event",
                        HeaderLookup.of(i < headers.size() ? headers.get(i) : Map.of()));
                spans.add(span);
                try {
                    events.add(EventCodec.decodeArticleEvent(payloads.get(i)));
                }
                catch (RuntimeException e) {
                    // the events before it are indexed now, the ones after it are redelivered
                    undecodable = new EventRejectedException(i, "undecodable event: " + e.getMessage(), e);
                    span.error(undecodable);
                    break;
                }
            }
            index(alias, true, events, spans);
            if (undecodable != null) {
                throw undecodable;
            }
        }
        finally {
            spans.forEach(ConsumerTracing.Span::close);
        }
    }

    /** The same for decoded events into a named index (a rebuild writes to its new index, not the alias). */
    void index(String target, boolean requireAlias, List<ArticleEvent> events) {
        index(target, requireAlias, events, List.of());
    }

    private void index(String target, boolean requireAlias, List<ArticleEvent> events, List<ConsumerTracing.Span> spans) {
        if (events.isEmpty()) {
            return;
        }
        try {
            initializer.ensureExists();
        }
        catch (IOException | ElasticsearchException e) {
            // not these events' fault (Elasticsearch down, plugin missing): retry rather than dead-letter
            throw unavailable("the index cannot be created", e, events, spans);
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(target).requireAlias(requireAlias);
        for (ArticleEvent event : events) {
            bulk.operations(op -> op.index(i -> i
                    .id(event.articleId())
                    .versionType(VersionType.External)
                    .version(event.version())
                    .document(ArticleDocument.of(event))));
        }
        BulkResponse response;
        long started = System.nanoTime();
        try {
            response = client.bulk(bulk.build());
            metrics.bulk(response.errors() ? "partial" : "success", System.nanoTime() - started);
        }
        catch (ElasticsearchException e) {
            metrics.bulk("failed", System.nanoTime() - started);
            if (e.status() == 404) {
                // the alias vanished (deleted by hand): create it again before the retry
                initializer.forget();
            }
            // a failure of the whole request is never one event's fault: retry, never dead-letter
            throw unavailable("Elasticsearch answered " + e.status(), e, events, spans);
        }
        catch (IOException e) {
            metrics.bulk("failed", System.nanoTime() - started);
            throw unavailable("Elasticsearch unreachable", e, events, spans);
        }
        outcomes(events, response, spans);
    }

    /** The whole batch cannot be written now: every event counted as failed and marked on its span, to retry. */
    private SearchIndexUnavailableException unavailable(String why, Exception cause, List<ArticleEvent> events,
            List<ConsumerTracing.Span> spans) {
        metrics.failed(events.size());
        spans.forEach(span -> span.error(cause));
        return new SearchIndexUnavailableException(why, cause);
    }

    private void outcomes(List<ArticleEvent> events, BulkResponse response, List<ConsumerTracing.Span> spans) {
        List<BulkResponseItem> items = response.items();
        int firstRejected = -1;
        int unavailable = 0;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ArticleEvent event = events.get(i);
            ConsumerTracing.Span span = i < spans.size() ? spans.get(i) : ConsumerTracing.Span.NONE;
            int status = item.status();
            if (item.error() == null) {
                metrics.indexed(event);
                span.inScope(() -> log.debug("Indexed {} v{}", event.articleId(), event.version()));
            }
            else if (status == 409) {
                metrics.stale();
                span.inScope(() -> log.debug("Ignored {} v{}: the index holds this version or a newer one",
                        event.articleId(), event.version()));
            }
            else {
                metrics.failed(1);
                span.error(new IllegalStateException(status + " " + item.error().type() + ": " + item.error().reason()));
                if (status == 429 || status >= 500 || status == 404) {
                    unavailable++;
                }
                else if (firstRejected < 0) {
                    firstRejected = i;
                }
            }
        }
        if (unavailable > 0) {
            throw new SearchIndexUnavailableException(unavailable + " of " + items.size() + " events not taken now", null);
        }
        if (firstRejected >= 0) {
            BulkResponseItem item = items.get(firstRejected);
            ArticleEvent event = events.get(firstRejected);
            String reason = item.error().type() + ": " + item.error().reason();
            throw new EventRejectedException(firstRejected,
                    "Elasticsearch rejected " + event.articleId() + " v" + event.version() + " (" + reason + ")", null);
        }
    }
}
