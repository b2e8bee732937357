package news.prokash.ranking.popular;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import news.prokash.contracts.ViewReader;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Decodes views as {@link EventCodec#decodeView} does. An unreadable record goes to the dead-letter topic with
 * the headers Spring Kafka writes elsewhere in the platform, so one tool reads every DLQ.
 *
 * <p>Called in the topology rather than in a deserializer, so that the dead-letter routing is part
 * of what the tests drive and the binder's serdes stay plain bytes (which never fail).
 */
final class ViewDecoder {

    private ViewDecoder() {
    }

    /** @param reader the processor's own (it remembers repeated strings, one thread at a time) */
    static ArticleViewed decode(ViewReader reader, String key, byte @Nullable [] value) {
        if (value == null) {
            throw new EventFormatException("a view record needs a value");
        }
        ArticleViewed view = reader.decode(value);
        // counts are per partition: a view keyed by anything else would be counted where nobody looks
        if (!view.articleId().equals(key)) {
            throw new EventFormatException("record key is not the view's articleId");
        }
        return view;
    }

    static Headers deadLetterHeaders(Headers original, Optional<RecordMetadata> source, EventFormatException e) {
        Headers headers = new RecordHeaders(original.toArray());
        source.ifPresent(m -> {
            headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(m.partition()).array());
            headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(m.offset()).array());
        });
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, e.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
