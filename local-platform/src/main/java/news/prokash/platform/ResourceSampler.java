package news.prokash.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * What the platform's processes cost while the load runs, every ten seconds: memory (proportional set
 * size of the process and its children, so PostgreSQL's shared buffers are not counted once per
 * backend), CPU, the services' heap as their own Micrometer meters report it, and how far each Kafka
 * consumer group is behind the end of its topics.
 */
final class ResourceSampler implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private static final String HEAP_USED = "heap_used";

    private static final String LIVE_DATA = "jvm_gc_live_data_size_bytes";

    private static final String GC_PAUSE = "jvm_gc_pause_seconds_sum";

    private static final String THREADS = "jvm_threads_live_threads";

    /** One process (tree) at one moment; heap figures only for our services, else -1. */
    record ProcessSample(long pssBytes, long cpuTicks, long heapUsedBytes, long liveDataBytes, double gcPauseSeconds,
            long threads) {
    }

    /** Everything at one moment, {@code seconds} after the measured part began. */
    record Sample(long seconds, Map<String, ProcessSample> processes, Map<String, Long> lagByGroup) {
    }

    private final Map<String, Long> pids;

    private final Map<String, String> serviceUrls;

    private final Admin admin;

    private final List<Sample> samples = new ArrayList<>();

    private final long startNanos = System.nanoTime();

    /**
     * @param pids process id by name (servers and services)
     * @param serviceUrls base URL by service name, for {@code /actuator/prometheus}
     */
    ResourceSampler(Map<String, Long> pids, Map<String, String> serviceUrls, String bootstrapServers) {
        this.pids = pids;
        this.serviceUrls = serviceUrls;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(config);
    }

    void sample() {
        Map<String, ProcessSample> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Map<String, Double> meters = serviceUrls.containsKey(name) ? meters(serviceUrls.get(name)) : Map.of();
            processes.put(name, new ProcessSample(treeSum(pid, ResourceSampler::pss), treeSum(pid, ResourceSampler::cpuTicks),
                    meter(meters, HEAP_USED), meter(meters, LIVE_DATA),
                    meters.isEmpty() ? -1 : meters.getOrDefault(GC_PAUSE, 0.0), meter(meters, THREADS)));
        });
        samples.add(new Sample((System.nanoTime() - startNanos) / 1_000_000_000, processes, lag()));
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    static double cpuSeconds(long ticks) {
        return (double) ticks / CLOCK_TICKS_PER_SECOND;
    }

    private static long meter(Map<String, Double> meters, String prefix) {
        return meters.isEmpty() ? -1 : Math.round(meters.getOrDefault(prefix, 0.0));
    }

    /** The few meters the report needs, each summed over its series (heap: every heap pool; GC: every cause). */
    private static Map<String, Double> meters(String baseUrl) {
        Map<String, Double> sums = new LinkedHashMap<>();
        try {
            for (String line : Http.get(baseUrl + "/actuator/prometheus").body().lines().toList()) {
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                if (line.startsWith("#") || space < 0) {
                    continue;
                }
                String name = line.substring(0, brace >= 0 ? brace : space);
                String labels = brace >= 0 ? line.substring(brace, line.indexOf('}', brace) + 1) : "";
                String key = switch (name) {
                    case "jvm_memory_used_bytes" -> labels.contains("area=\"heap\"") ? HEAP_USED : null;
                    case LIVE_DATA, GC_PAUSE, THREADS -> name;
                    default -> null;
                };
                if (key != null) {
                    sums.merge(key, Double.parseDouble(line.substring(space + 1)), Double::sum);
                }
            }
        }
        catch (RuntimeException unreachable) {
            // a service that does not answer its scrape is reported as such (no heap figures)
            return Map.of();
        }
        return sums;
    }

    private Map<String, Long> lag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            Set<String> groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
            for (String group : groups.stream().sorted().toList()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                committed.values().removeIf(Objects::isNull);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(5, TimeUnit.SECONDS);
                lag.put(group, committed.entrySet().stream()
                        .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum());
            }
        }
        catch (ExecutionException | TimeoutException e) {
            lag.put("(could not ask Kafka: " + e.getClass().getSimpleName() + ")", -1L);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lag;
    }

    private interface PerProcess {
        long read(long pid) throws IOException;
    }

    private static long treeSum(long pid, PerProcess reader) {
        // the load generator's own JVM is the parent of every server and service: count it alone
        Stream<ProcessHandle> children = pid == ProcessHandle.current().pid() ? Stream.empty()
                : ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants);
        return Stream.concat(ProcessHandle.of(pid).stream(), children)
                .mapToLong(handle -> {
                    try {
                        return reader.read(handle.pid());
                    }
                    catch (IOException gone) {
                        return 0; // a backend that ended between listing and reading
                    }
                }).sum();
    }

    private static long pss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name, which may hold spaces: state is field 3, then utime 14, stime 15, and
        // cutime 16, cstime 17 of children that ended (PostgreSQL's backends come and go)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }

    static @Nullable Long pidFromFile(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        }
        catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
