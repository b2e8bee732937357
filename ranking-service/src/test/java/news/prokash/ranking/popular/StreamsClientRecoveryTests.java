package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.awaitility.Awaitility.await;

class StreamsClientRecoveryTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final FakeClient client = new FakeClient();

    private final StreamsClientRecovery recovery = new StreamsClientRecovery(Duration.ofMillis(20),
            Duration.ofMillis(80), meters).watch(client);

    @AfterEach
    void close() {
        recovery.close();
    }

    @Test
    void shouldStartANewClientWhenTheRunningOneEndsInError() {
        recovery.onChange(State.PENDING_ERROR, State.RUNNING);
        recovery.onChange(State.ERROR, State.PENDING_ERROR);

        await().atMost(Duration.ofSeconds(5)).until(() -> restarts() == 1);
        assertThat(client.calls).containsExactly("stop", "start");
    }

    @Test
    void shouldLeaveEveryOtherStateAlone() throws InterruptedException {
        for (State state : State.values()) {
            if (state != State.ERROR) {
                recovery.onChange(state, State.RUNNING);
            }
        }
        Thread.sleep(200);

        assertThat(client.calls).isEmpty();
        assertThat(restarts()).isZero();
    }

    @Test
    void shouldKeepTryingWithLongerPausesWhileStartingFails() {
        client.failingStarts.set(4);
        long errorAt = System.nanoTime();
        recovery.onChange(State.ERROR, State.PENDING_ERROR);

        await().atMost(Duration.ofSeconds(5)).until(() -> restarts() == 1);
        Duration took = Duration.ofNanos(System.nanoTime() - errorAt);

        assertThat(client.calls).containsExactly("stop", "start", "stop", "start", "stop", "start", "stop", "start",
                "stop", "start");
        // 20 + 40 + 80 + 80 + 80 ms: doubled, then capped
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldStartOverFromTheFirstPauseOnceAClientRuns() {
        client.failingStarts.set(2);
        recovery.onChange(State.ERROR, State.PENDING_ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> restarts() == 1);
        assertThat(recovery.nextPause()).isEqualTo(Duration.ofMillis(80));

        recovery.onChange(State.RUNNING, State.REBALANCING);

        assertThat(recovery.nextPause()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void shouldNotRestartOnceTheApplicationCloses() throws InterruptedException {
        recovery.close();
        recovery.onChange(State.ERROR, State.PENDING_ERROR);
        Thread.sleep(200);

        assertThat(client.calls).isEmpty();
    }

    @Test
    void shouldReplaceAFailedStreamThreadButCloseTheClientWhenTheGlobalThreadFails() throws Exception {
        StreamsUncaughtExceptionHandler handler = recovery.threadFailureHandler();

        assertThat(answerOn("ranking-service-6f1c-StreamThread-1", handler)).isEqualTo(REPLACE_THREAD);
        assertThat(answerOn("ranking-service-6f1c-GlobalStreamThread", handler)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(meters.counter("prokash.ranking.streams.thread.failures").count()).isEqualTo(2);
    }

    private static StreamThreadExceptionResponse answerOn(String threadName, StreamsUncaughtExceptionHandler handler)
            throws InterruptedException {
        AtomicReference<StreamThreadExceptionResponse> answer = new AtomicReference<>();
        Thread thread = new Thread(() -> answer.set(handler.handle(new IllegalStateException("failed"))), threadName);
        thread.start();
        thread.join();
        return answer.get();
    }

    private double restarts() {
        return meters.counter("prokash.ranking.streams.restarts").count();
    }

    private static final class FakeClient implements StreamsClientRecovery.Client {

        final List<String> calls = new CopyOnWriteArrayList<>();

        final AtomicInteger failingStarts = new AtomicInteger();

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public void start() {
            calls.add("start");
            if (failingStarts.getAndDecrement() > 0) {
                throw new IllegalStateException("broker not available");
            }
        }
    }
}
