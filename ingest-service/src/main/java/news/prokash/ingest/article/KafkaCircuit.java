package news.prokash.ingest.article;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Fails requests fast while Kafka is known to be down. After a send fails, requests are refused at
 * once (503, nothing written) for {@code prokash.ingest.fail-fast-for}; then one request at a time
 * is let through as a probe, and the first acknowledged send closes the circuit again. So an outage
 * costs each caller milliseconds instead of the producer's timeout, holds no database connections,
 * and ends without anyone's help.
 */
@Component
class KafkaCircuit {

    private final Clock clock;
    private final long openMillis;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long openUntil = Long.MIN_VALUE;
    private volatile boolean down;

    KafkaCircuit(Clock clock, IngestProperties properties) {
        this.clock = clock;
        this.openMillis = properties.failFastFor().toMillis();
    }

    /** Throws if requests should not try Kafka now; a caller that passes must report the outcome. */
    void check(Duration retryAfter) {
        if (!down) {
            return;
        }
        if (clock.millis() < openUntil || !probing.compareAndSet(false, true)) {
            throw new PublishFailedException(retryAfter, null);
        }
    }

    void succeeded() {
        down = false;
        probing.set(false);
    }

    void failed() {
        openUntil = clock.millis() + openMillis;
        down = true;
        probing.set(false);
    }

    boolean isDown() {
        return down;
    }
}
