package news.prokash.harness;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Warms a benchmark's JVM until its JIT has settled, so that what is timed is the service as it runs for
 * days, not the compiler. On two cores a Spring service still had its compilers busy for most of a core 30 s
 * into its load (ingest benchmark, JFR: 7 s of compilation in 10 s), CPU taken from the requests being timed.
 *
 * <p>Settled means: over the last {@code window}, the JIT's compiler threads used less than {@code quietShare}
 * of one core. On Linux that is their CPU time ({@code /proc/self/task}); elsewhere the JVM's accumulated
 * compilation time, which is elapsed time and so overstates it on a busy machine. A JVM that reports
 * neither is only warmed for {@code atLeast}.
 */
public final class JitWarmUp {

    /** What {@link #run} did: how long it warmed, how many rounds, and the JIT's share of its last window. */
    public record Report(Duration took, long rounds, double lastCompileShare, boolean settled) {

        @Override
        public String toString() {
            return "%.0f s, %d rounds, JIT %s (its compilers used %.1f %% of a core in the last window)".formatted(
                    took.toMillis() / 1000.0, rounds, settled ? "settled" : "still compiling at the limit",
                    100 * lastCompileShare);
        }
    }

    /** One round of the benchmark's own work (a batch of requests, say), run again and again. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    private final Duration atLeast;
    private final Duration atMost;
    private final Duration window;
    private final double quietShare;

    public JitWarmUp(Duration atLeast, Duration atMost, Duration window, double quietShare) {
        if (atLeast.compareTo(atMost) > 0 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("need atLeast <= atMost and a positive window");
        }
        this.atLeast = atLeast;
        this.atMost = atMost;
        this.window = window;
        this.quietShare = quietShare;
    }

    /** At least 20 s, at most 180 s, settled once the compilers use under 5 % of a core over a 5 s window. */
    public static JitWarmUp standard() {
        return new JitWarmUp(Duration.ofSeconds(20), Duration.ofSeconds(180), Duration.ofSeconds(5), 0.05);
    }

    /**
     * Milliseconds of CPU this JVM's compiler threads have used so far, or, where that cannot be read, its
     * accumulated compilation time; -1 if neither is known. A benchmark prints it per phase.
     */
    public static long compilationMillis() {
        long cpu = compilerThreadsCpuMillis();
        if (cpu >= 0) {
            return cpu;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Linux: user + system time of the threads named "C1/C2 CompilerThre…", in ms (clock ticks of 10 ms). */
    private static long compilerThreadsCpuMillis() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path task : tasks.toList()) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after "(comm) ": state is the 1st, utime the 12th, stime the 13th
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
                catch (IOException | RuntimeException gone) {
                    // a compiler thread may end between listing and reading: its time is simply not counted
                }
            }
            return ticks * 10;
        }
        catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    public Report run(Round round) throws Exception {
        long started = System.nanoTime();
        long windowStart = started;
        long compiledAtWindowStart = compilationMillis();
        boolean measurable = compiledAtWindowStart >= 0;
        double lastShare = Double.NaN;
        long rounds = 0;
        while (true) {
            round.run();
            rounds++;
            long now = System.nanoTime();
            if (now - windowStart >= window.toNanos()) {
                long compiled = compilationMillis();
                lastShare = measurable ? (compiled - compiledAtWindowStart) / ((now - windowStart) / 1e6) : 0;
                windowStart = now;
                compiledAtWindowStart = compiled;
                boolean longEnough = now - started >= atLeast.toNanos();
                if (longEnough && (lastShare < quietShare || !measurable)) {
                    return new Report(Duration.ofNanos(now - started), rounds, lastShare, true);
                }
            }
            if (now - started >= atMost.toNanos()) {
                return new Report(Duration.ofNanos(now - started), rounds, lastShare, false);
            }
        }
    }
}
