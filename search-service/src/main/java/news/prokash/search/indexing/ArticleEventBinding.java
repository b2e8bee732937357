package news.prokash.search.indexing;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The articles topic's binding ({@code indexArticleEvents-in-0}), in batch mode: whatever one poll
 * returns becomes one bulk request, which is what lets a full replay keep up with a raw bulk load.
 * Raw bytes in, decoded with the shared codec so schema checks live in one place. An event that can
 * never be indexed is reported by its position, so the container's error handler dead-letters
 * exactly that record (those before it are done, those after it are redelivered). Each record's own
 * headers come along: they carry the trace of the change that produced the event.
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventBinding {

    @Bean
    @SuppressWarnings("unchecked") // the binder's batch headers: one map per record
    Consumer<Message<List<byte[]>>> indexArticleEvents(ArticleIndexer indexer) {
        return message -> {
            try {
                List<Map<String, Object>> headers = message.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
                indexer.applyAll(message.getPayload(), headers == null ? List.of() : headers);
            }
            catch (EventRejectedException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, e.position());
            }
        };
    }
}
