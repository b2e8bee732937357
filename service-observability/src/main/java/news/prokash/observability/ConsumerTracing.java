package news.prokash.observability;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Continues the trace an event brought in its Kafka headers (W3C {@code traceparent}, put there by the
 * producer's observed {@code KafkaTemplate}) in the code that handles the event, so one trace runs from
 * the editor's request to every consumer and the consumer's log lines carry its trace id.
 */
public interface ConsumerTracing {

    /** For tests and for services without tracing: every span is {@link Span#NONE}. */
    ConsumerTracing NONE = (name, headers) -> Span.NONE;

    /**
     * Starts a consumer span, child of the context in {@code headers}; {@link Span#NONE} when the event
     * carries no trace context (events written before tracing, replays), so those cost nothing.
     */
    Span start(String name, HeaderLookup headers);

    /** One event's handling. Not in scope until {@link #inScope}; end it with {@link #close}. */
    interface Span extends AutoCloseable {

        Span NONE = new Span() {
            @Override
            public void inScope(Runnable work) {
                work.run();
            }

            @Override
            public void tag(String key, String value) {
            }

            @Override
            public void error(Throwable error) {
            }

            @Override
            public void close() {
            }
        };

        /** Runs {@code work} with this span current (log lines then carry its trace id). */
        void inScope(Runnable work);

        void tag(String key, String value);

        void error(Throwable error);

        @Override
        void close();
    }

    /** Reads one header as text; null when absent. */
    @FunctionalInterface
    interface HeaderLookup {

        @Nullable String get(String name);

        static HeaderLookup of(Headers headers) {
            return name -> {
                Header header = headers.lastHeader(name);
                return header == null ? null : text(header.value());
            };
        }

        /** Headers as Spring Kafka's header mapper hands them to a batch listener (bytes or text). */
        static HeaderLookup of(Map<String, ?> headers) {
            return name -> text(headers.get(name));
        }

        private static @Nullable String text(@Nullable Object value) {
            return switch (value) {
                case null -> null;
                case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
                default -> value.toString();
            };
        }
    }
}
