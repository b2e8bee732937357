package news.prokash.search.indexing;

import java.util.function.Consumer;

import news.prokash.contracts.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The articles topic's binding ({@code indexArticleEvent-in-0}). Raw bytes in, decoded here with
 * the shared codec so schema checks live in one place; an undecodable event throws
 * {@code EventFormatException}, which the error handler dead-letters without retrying.
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventBinding {

    @Bean
    Consumer<Message<byte[]>> indexArticleEvent(ArticleIndexer indexer) {
        return message -> indexer.apply(EventCodec.decodeArticleEvent(message.getPayload()));
    }
}
