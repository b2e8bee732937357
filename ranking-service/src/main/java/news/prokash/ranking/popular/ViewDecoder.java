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
    static ArticleViewed decode(ViewReader reader, byte @Nullable [] key, byte @Nullable [] value) {
        if (value == null) {
            throw new EventFormatException("a view record needs a value");
        }
        ArticleViewed view = reader.decode(value);
        // counts are per partition: a view keyed by anything else would be counted where nobody looks
        if (key == null || !isUtf8Of(key, view.articleId())) {
            throw new EventFormatException("record key is not the view's articleId");
        }
        return view;
    }

    /** Whether the key is the id in UTF-8, as producers write it; ASCII ids are compared without decoding. */
    static boolean isUtf8Of(byte[] key, String id) {
        if (key.length == id.length()) {
            int i = 0;
            while (i < key.length && key[i] >= 0 && key[i] == id.charAt(i)) {
                i++;
            }
            if (i == key.length) {
                return true;
            }
            if (key[i] >= 0) {
                return false; // an ASCII byte that differs
            }
        }
        return new String(key, StandardCharsets.UTF_8).equals(id);
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
