package news.prokash.ranking.popular;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import news.prokash.contracts.ArticleViewed;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Decodes views with {@link EventCodec}. An unreadable record is passed on marked as such, with
 * the dead-letter headers Spring Kafka writes elsewhere in the platform, so one tool reads every DLQ.
 */
final class ViewDecoder implements FixedKeyProcessor<String, byte[], DecodedView> {

    private final ViewMetrics metrics;

    private @Nullable FixedKeyProcessorContext<String, DecodedView> context;

    ViewDecoder(ViewMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DecodedView> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        FixedKeyProcessorContext<String, DecodedView> ctx = context();
        try {
            ArticleViewed view = decode(record);
            // event time is when the reader opened the article, whoever produced the record and when
            ctx.forward(record.withValue(new DecodedView(view, record.value()))
                    .withTimestamp(view.viewedAt().toEpochMilli()));
        }
        catch (EventFormatException e) {
            metrics.record(ViewMetrics.Outcome.DEAD_LETTERED);
            ctx.forward(record.withValue(new DecodedView(null, record.value()))
                    .withHeaders(deadLetterHeaders(record.headers(), e)));
        }
    }

    private static ArticleViewed decode(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new EventFormatException("a view record needs a value");
        }
        ArticleViewed view = EventCodec.decodeView(record.value());
        // counts are per partition: a view keyed by anything else would be counted where nobody looks
        if (!view.articleId().equals(record.key())) {
            throw new EventFormatException("record key is not the view's articleId");
        }
        return view;
    }

    private Headers deadLetterHeaders(Headers original, EventFormatException e) {
        Headers headers = new RecordHeaders(original.toArray());
        context().recordMetadata().ifPresent(m -> {
            headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(m.partition()).array());
            headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(m.offset()).array());
        });
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, e.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private FixedKeyProcessorContext<String, DecodedView> context() {
        if (context == null) {
            throw new IllegalStateException("process() before init()");
        }
        return context;
    }
}
