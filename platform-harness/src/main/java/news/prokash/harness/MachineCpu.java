package news.prokash.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where a benchmark's CPU went, by process: this JVM (the service and its load generator), PostgreSQL,
 * the Kafka broker, Elasticsearch and the rest of the machine. On two cores the servers share the CPU
 * with the service, so a figure per item tells which of them a change made cheaper; a throughput alone
 * moved as much between two runs of the same build.
 *
 * <p>Taken from {@link ProcessHandle.Info#totalCpuDuration()} before and after; a process that ended in
 * between is not counted (PostgreSQL's backends live as long as the connection pool's connections).
 */
public final class MachineCpu {

    private static final Map<String, Predicate<ProcessHandle>> GROUPS = groups();

    private final long startedNanos = System.nanoTime();
    private final Map<Long, Long> cpuNanosByPid = new LinkedHashMap<>();

    private MachineCpu() {
        ProcessHandle.allProcesses().forEach(process -> cpuNanosByPid.put(process.pid(), cpuNanos(process)));
    }

    /** The CPU time every process has used so far. */
    public static MachineCpu now() {
        return new MachineCpu();
    }

    /**
     * Microseconds of CPU per item since {@link #now()}, by group, e.g. {@code "this JVM 190 µs, PostgreSQL
     * 120 µs, Kafka 10 µs, other 3 µs; the machine was 96 % busy"}.
     */
    public String perItemSince(long items) {
        Map<String, Long> used = new LinkedHashMap<>();
        GROUPS.keySet().forEach(group -> used.put(group, 0L));
        ProcessHandle.allProcesses().forEach(process -> {
            long before = cpuNanosByPid.getOrDefault(process.pid(), 0L);
            long delta = Math.max(0, cpuNanos(process) - before);
            String group = GROUPS.entrySet().stream().filter(g -> g.getValue().test(process)).findFirst()
                    .map(Map.Entry::getKey).orElseThrow();
            used.merge(group, delta, Long::sum);
        });
        long wall = System.nanoTime() - startedNanos;
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder();
        used.forEach((group, nanos) -> {
            if (nanos > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(group).append(' ')
                        .append(items == 0 ? "-" : Math.round(nanos / 1000.0 / items)).append(" µs");
            }
        });
        int cores = Runtime.getRuntime().availableProcessors();
        return text.append("; the machine was %.0f %% busy (%d cores, %.1f s)".formatted(
                100.0 * total / ((double) wall * cores), cores, Duration.ofNanos(wall).toMillis() / 1000.0)).toString();
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** First match wins; the last group takes every process. */
    private static Map<String, Predicate<ProcessHandle>> groups() {
        long self = ProcessHandle.current().pid();
        Map<String, Predicate<ProcessHandle>> groups = new LinkedHashMap<>();
        groups.put("this JVM", process -> process.pid() == self);
        groups.put("PostgreSQL", process -> process.info().command().orElse("").endsWith("/postgres"));
        groups.put("Kafka", process -> commandLine(process).contains("kafka.Kafka"));
        groups.put("Elasticsearch", process -> commandLine(process).contains("org.elasticsearch."));
        groups.put("other", process -> true);
        return groups;
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
