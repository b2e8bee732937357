package news.prokash.ranking.popular;

import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import news.prokash.observability.ConsumerTracing;
import news.prokash.observability.ConsumerTracing.HeaderLookup;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies article events to the global store {@code article-summaries}. Kafka Streams also runs it
 * when it restores the store from the topic, so the store always holds summaries, never raw events.
 * Each event's handling continues the trace its headers carry (Spring does not observe a global store).
 */
final class ArticleSummaryUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ArticleSummaryUpdater.class);

    private final ConsumerTracing tracing;

    private final SummaryCache catalog;

    private @Nullable ProcessorContext<Void, Void> context;

    private @Nullable KeyValueStore<String, ArticleSummary> store;

    ArticleSummaryUpdater(ConsumerTracing tracing, SummaryCache catalog) {
        this.tracing = tracing;
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(PopularityTopology.ARTICLE_SUMMARIES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try (ConsumerTracing.Span span = tracing.start("ranking catalog article event", HeaderLookup.of(record.headers()))) {
            span.inScope(() -> apply(record));
        }
    }

    private void apply(Record<String, byte[]> record) {
        KeyValueStore<String, ArticleSummary> summaries = store();
        if (record.value() == null) {
            // the contract sends deletions as events; a bare tombstone still means "nothing left to show"
            if (record.key() != null) {
                summaries.delete(record.key());
                catalog.changed(record.key());
            }
            return;
        }
        ArticleEvent event;
        try {
            event = EventCodec.decodeArticleEvent(record.value());
        }
        catch (EventFormatException e) {
            // a global store cannot forward to a dead-letter topic; article-service dead-letters the same record
            log.warn("Skipping an unreadable article event at {}: {}", position(), e.getMessage());
            return;
        }
        ArticleSummary current = summaries.get(event.articleId());
        if (current != null && current.version() >= event.version()) {
            return; // replays and stragglers must not roll an article back
        }
        ArticleSummary next = switch (event) {
            case ArticlePublished published -> ArticleSummary.of(published.article());
            case ArticleUpdated updated -> ArticleSummary.of(updated.article());
            case ArticleUnpublished unpublished ->
                    ArticleSummary.of(unpublished.article()).withStatus(ArticleStatus.UNPUBLISHED, event.version());
            case ArticleDeleted deleted ->
                    current == null ? null : current.withStatus(ArticleStatus.DELETED, deleted.version());
        };
        if (next != null) {
            summaries.put(event.articleId(), next);
            catalog.changed(event.articleId());
            log.debug("Catalogued {} v{} ({})", event.articleId(), event.version(), next.status());
        }
    }

    private KeyValueStore<String, ArticleSummary> store() {
        if (store == null) {
            throw new IllegalStateException("process() before init()");
        }
        return store;
    }

    private String position() {
        return context == null ? "?" : context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse("?");
    }
}
