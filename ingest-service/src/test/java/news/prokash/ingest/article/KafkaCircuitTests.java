package news.prokash.ingest.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.prokash.harness.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fail fast while Kafka is down, one probe after the window, closed again by the first success. */
class KafkaCircuitTests {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-07-13T04:45:00Z"));
    private final KafkaCircuit circuit = new KafkaCircuit(clock, new IngestProperties(List.of("national"),
            Duration.ofSeconds(7), RETRY_AFTER, "http://localhost:8082", List.of("bn"), Duration.ofSeconds(2),
            DataSize.ofMegabytes(1), DataSize.ofMegabytes(20),
            500, 10_000, 64, 1, new IngestProperties.Topic(1, Duration.ofMinutes(1))));

    @Test
    void shouldRefuseAtOnceAfterAFailureThenProbeOnceAndRecoverBySuccess() {
        assertThatCode(() -> circuit.check(RETRY_AFTER)).doesNotThrowAnyException();

        circuit.failed();
        assertThatThrownBy(() -> circuit.check(RETRY_AFTER)).isInstanceOf(PublishFailedException.class);

        clock.advance(Duration.ofSeconds(3));
        assertThatCode(() -> circuit.check(RETRY_AFTER)).as("the probe").doesNotThrowAnyException();
        assertThatThrownBy(() -> circuit.check(RETRY_AFTER)).as("others while it probes")
                .isInstanceOf(PublishFailedException.class);

        circuit.succeeded();
        assertThatCode(() -> circuit.check(RETRY_AFTER)).doesNotThrowAnyException();
        assertThatCode(() -> circuit.check(RETRY_AFTER)).doesNotThrowAnyException();
    }
}
