package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Keeps Kafka Streams processing through failures that a broker restart brings (fault suite, CI).
 * <ul>
 * <li>A stream thread that fails (e.g. its transaction could not be aborted while the broker was away) is replaced
 * ({@link #threadFailureHandler()}, {@code REPLACE_THREAD}); under exactly-once the new one resumes from the last commit.</li>
 * <li>The global thread that keeps the article summaries cannot be replaced: when it fails the whole client closes to
 * {@code ERROR} and would stay there, readiness DOWN, until someone restarted the process. Then a new client is
 * started ({@link #onChange}), as Kafka's own message for that error advises, after a pause that doubles while
 * starting fails (the broker may still be away) and starts over once a client reaches {@code RUNNING}. The new
 * client restores from the local checkpoints and the changelogs and resumes from the last commit.</li>
 * </ul>
 * The restart runs on a thread of its own: the listener is called on Kafka Streams' threads, which closing the
 * client waits for.
 */
final class StreamsClientRecovery implements KafkaStreams.StateListener, ApplicationListener<ContextClosedEvent>,
        AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsClientRecovery.class);

    /** Kafka Streams names its global thread {@code <client id>-GlobalStreamThread}. */
    static final String GLOBAL_THREAD_SUFFIX = "-GlobalStreamThread";

    /** What is restarted: in the service, the binder's {@code StreamsBuilderFactoryBean} (stop closes, start builds anew). */
    interface Client {

        void stop();

        void start();
    }

    private @Nullable Client client;

    private final Duration firstPause;

    private final Duration longestPause;

    private final Counter restarts;

    private final Counter threadFailures;

    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-streams-recovery");
        thread.setDaemon(true);
        return thread;
    });

    private Duration pause;

    private boolean closed;

    StreamsClientRecovery(Duration firstPause, Duration longestPause, MeterRegistry meters) {
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.pause = firstPause;
        this.restarts = Counter.builder("prokash.ranking.streams.restarts")
                .description("Kafka Streams clients started anew after the previous one ended in ERROR")
                .register(meters);
        this.threadFailures = Counter.builder("prokash.ranking.streams.thread.failures")
                .description("Kafka Streams threads that failed (a stream thread is replaced; a global thread's "
                        + "failure ends the client, and a new one is started)")
                .register(meters);
    }

    /**
     * For every client: a failed stream thread is replaced; a failed global thread shuts the client down to ERROR,
     * after which {@link #onChange} starts a new one. (Kafka 4.1 answers REPLACE_THREAD from the global thread by
     * closing to ERROR too, then throws a ClassCastException on that thread: asked for plainly here.)
     */
    StreamsUncaughtExceptionHandler threadFailureHandler() {
        return failure -> {
            threadFailures.increment();
            if (Thread.currentThread().getName().endsWith(GLOBAL_THREAD_SUFFIX)) {
                log.error("The Kafka Streams global thread failed; the client closes and a new one is started", failure);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("A Kafka Streams thread failed; replacing it (it resumes from the last commit)", failure);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        };
    }

    /** The client to restart; this is then its state listener. */
    synchronized StreamsClientRecovery watch(Client client) {
        this.client = client;
        return this;
    }

    @Override
    public synchronized void onChange(State newState, State oldState) {
        if (newState == State.RUNNING) {
            pause = firstPause;
        }
        else if (newState == State.ERROR && !closed) {
            log.error("Kafka Streams ended in ERROR (from {}); starting a new client in {}", oldState, pause);
            schedule();
        }
    }

    private void schedule() {
        restarter.schedule(this::restart, pause.toMillis(), TimeUnit.MILLISECONDS);
        pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
    }

    private void restart() {
        Client client;
        synchronized (this) {
            client = this.client;
            if (closed || client == null) {
                return;
            }
        }
        try {
            client.stop();
            client.start();
            restarts.increment();
            log.warn("Started a new Kafka Streams client after ERROR");
        }
        catch (RuntimeException e) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                log.error("Starting a new Kafka Streams client failed; trying again in {}", pause, e);
                schedule();
            }
        }
    }

    /** How long the next restart waits after an ERROR. */
    synchronized Duration nextPause() {
        return pause;
    }

    /** The application is closing: its own shutdown stops the client, which must not be restarted meanwhile. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        close();
    }

    @Override
    public synchronized void close() {
        closed = true;
        restarter.shutdownNow();
    }
}
