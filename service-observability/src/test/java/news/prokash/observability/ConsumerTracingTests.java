package news.prokash.observability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real OpenTelemetry spans through the Micrometer bridge, as the services run them. */
class ConsumerTracingTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();

    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

    private final OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });

    private final ConsumerTracing tracing = new MicrometerConsumerTracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), provider.get("test")));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void continuesTheTraceOfTheKafkaHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        AtomicReference<String> current = new AtomicReference<>();

        try (ConsumerTracing.Span span = tracing.start("index article event", ConsumerTracing.HeaderLookup.of(headers))) {
            span.tag("article.id", "a-1");
            span.inScope(() -> current.set(tracer.currentSpan().context().traceId()));
            assertThat(tracer.currentSpan()).as("in scope only inside inScope").isNull();
        }

        assertThat(current.get()).isEqualTo(TRACE_ID);
        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        assertThat(spans.getFirst().getTraceId()).isEqualTo(TRACE_ID);
        assertThat(spans.getFirst().getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
        assertThat(spans.getFirst().getName()).isEqualTo("index article event");
        assertThat(spans.getFirst().getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CONSUMER);
    }

    @Test
    void readsBatchListenerHeadersAsBytesOrText() {
        for (Object value : List.of(TRACEPARENT.getBytes(StandardCharsets.UTF_8), TRACEPARENT)) {
            try (ConsumerTracing.Span span = tracing.start("x", ConsumerTracing.HeaderLookup.of(Map.of("traceparent", value)))) {
                span.inScope(() -> assertThat(tracer.currentSpan().context().traceId()).isEqualTo(TRACE_ID));
            }
        }
        assertThat(exported.getFinishedSpanItems()).hasSize(2);
    }

    @Test
    void anEventWithoutTraceContextCostsNoSpan() {
        ConsumerTracing.Span span = tracing.start("x", ConsumerTracing.HeaderLookup.of(new RecordHeaders()));

        assertThat(span).isSameAs(ConsumerTracing.Span.NONE);
        span.inScope(() -> assertThat(tracer.currentSpan()).isNull());
        span.close();
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aFailureIsMarkedOnTheSpan() {
        try (ConsumerTracing.Span span = tracing.start("x", ConsumerTracing.HeaderLookup.of(Map.of("traceparent", TRACEPARENT)))) {
            span.error(new IllegalStateException("Elasticsearch refused it"));
        }
        assertThat(exported.getFinishedSpanItems().getFirst().getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }
}
