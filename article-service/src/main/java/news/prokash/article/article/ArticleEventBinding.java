package news.prokash.article.article;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The functional binding {@code applyArticleEvent-in-0}; topic, group and DLQ are in application.yml. */
@Configuration(proxyBeanMethods = false)
class ArticleEventBinding {

    // byte[] in, decoded by EventCodec, so the schema check lives in one place (no message converter)
    @Bean
    Consumer<Message<byte[]>> applyArticleEvent(ArticleEventHandler handler) {
        return message -> handler.handle(message.getPayload());
    }
}
