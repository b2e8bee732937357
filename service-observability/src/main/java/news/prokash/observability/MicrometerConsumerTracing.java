package news.prokash.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** {@link ConsumerTracing} on Micrometer Tracing: the propagator reads the headers, the tracer makes the span. */
final class MicrometerConsumerTracing implements ConsumerTracing {

    private final Tracer tracer;

    private final Propagator propagator;

    MicrometerConsumerTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Span start(String name, HeaderLookup headers) {
        if (propagator.fields().stream().noneMatch(field -> headers.get(field) != null)) {
            return Span.NONE;
        }
        io.micrometer.tracing.Span span = propagator.extract(headers, HeaderLookup::get)
                .name(name)
                .kind(io.micrometer.tracing.Span.Kind.CONSUMER)
                .start();
        return new Span() {
            @Override
            public void inScope(Runnable work) {
                try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                    work.run();
                }
            }

            @Override
            public void tag(String key, String value) {
                span.tag(key, value);
            }

            @Override
            public void error(Throwable error) {
                span.error(error);
            }

            @Override
            public void close() {
                span.end();
            }
        };
    }
}
