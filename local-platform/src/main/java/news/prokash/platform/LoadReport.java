package news.prokash.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import news.prokash.platform.LoadMix.Operation;
import news.prokash.platform.ResourceSampler.ProcessSample;
import news.prokash.platform.ResourceSampler.Sample;

/**
 * The load run's figures as Markdown, and whether the run held: no unexpected answers, consumer lag not
 * growing, and the services' live heap (what survives a collection) not growing from the first half of
 * the run to the second.
 */
final class LoadReport {

    private static final long MB = 1024 * 1024;

    // a consumer this far behind at the end is still keeping up (a few poll intervals of traffic)
    private static final long LAG_SLACK = 1_000;

    private final LoadMix mix;

    private final Instant began;

    private final Map<Operation, LoadStats> stats;

    private final List<Sample> samples;

    private final List<String> failures = new ArrayList<>();

    LoadReport(LoadMix mix, Instant began, Map<Operation, LoadStats> stats, List<Sample> samples) {
        this.mix = mix;
        this.began = began;
        this.stats = stats;
        this.samples = samples;
    }

    /** After {@link #markdown()}: whether the run held. */
    boolean held() {
        return failures.isEmpty();
    }

    String markdown() {
        failures.clear();
        StringBuilder out = new StringBuilder();
        out.append("# Load run ").append(began.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append(String.format(Locale.ROOT,
                "%d min measured after %d s of warm-up; %d CPU cores; corpus %d articles (Zipf s=1), %d readers; "
                        + "service heaps %s.%n%n",
                mix.measured().toMinutes(), mix.warmUp().toSeconds(), Runtime.getRuntime().availableProcessors(),
                mix.corpus(), mix.visitors(), LoadCommand.HEAP));
        requests(out);
        perMinute(out);
        processes(out);
        lag(out);
        out.append("\n## Verdict\n");
        if (failures.isEmpty()) {
            out.append("Held: no unexpected answers, no growth in consumer lag or live heap.\n");
        }
        else {
            failures.forEach(f -> out.append("- NOT HELD: ").append(f).append('\n'));
        }
        return out.toString();
    }

    private void requests(StringBuilder out) {
        double seconds = mix.measured().toSeconds();
        out.append("## Requests (latency from when each request was due, ms)\n");
        out.append("| operation | asked /s | answered /s | expected | other answers | p50 | p95 | p99 | p99.9 | max |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Operation op : Operation.values()) {
            if (mix.rate(op) <= 0) {
                continue;
            }
            LoadStats opStats = stats.get(op);
            LoadStats.Minute total = opStats.total();
            long[] sorted = total.sortedMicros();
            int expected = total.statuses().getOrDefault(op.expectedStatus, 0);
            int unexpected = LoadStats.unexpected(total, op.expectedStatus);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %d | %s | %s | %s | %s | %s | %s |%n",
                    op.request, mix.rate(op), sorted.length / seconds, expected, others(total, op.expectedStatus),
                    ms(LoadStats.percentile(sorted, 50)), ms(LoadStats.percentile(sorted, 95)),
                    ms(LoadStats.percentile(sorted, 99)), ms(LoadStats.percentile(sorted, 99.9)),
                    ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1])));
            if (unexpected > 0) {
                failures.add(op.request + ": " + unexpected + " unexpected answers " + others(total, op.expectedStatus)
                        + ", e.g. " + opStats.unexpectedSamples());
            }
        }
    }

    private void perMinute(StringBuilder out) {
        out.append("\n## p99 per minute, ms (unexpected answers in brackets)\n| minute |");
        List<Operation> ops = List.of(Operation.values()).stream().filter(op -> mix.rate(op) > 0).toList();
        ops.forEach(op -> out.append(' ').append(op.key()).append(" |"));
        out.append("\n|---:|").append("---:|".repeat(ops.size())).append('\n');
        int minutes = ops.stream().mapToInt(op -> stats.get(op).minutes().size()).max().orElse(0);
        for (int m = 0; m < minutes; m++) {
            out.append("| ").append(m + 1).append(" |");
            for (Operation op : ops) {
                List<LoadStats.Minute> opMinutes = stats.get(op).minutes();
                if (m >= opMinutes.size()) {
                    out.append(" – |");
                    continue;
                }
                LoadStats.Minute minute = opMinutes.get(m);
                int unexpected = LoadStats.unexpected(minute, op.expectedStatus);
                out.append(' ').append(ms(LoadStats.percentile(minute.sortedMicros(), 99)))
                        .append(unexpected > 0 ? " (" + unexpected + ")" : "").append(" |");
            }
            out.append('\n');
        }
    }

    private void processes(StringBuilder out) {
        if (samples.size() < 2) {
            return;
        }
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        double wall = Math.max(1, last.seconds() - first.seconds());
        out.append("\n## Processes (memory = proportional set size of the process and its children)\n");
        out.append("| process | memory first → last (max), MB | CPU, % of one core | heap used max, MB "
                + "| live heap after GC, middle third max → last third max, MB | GC pauses, s | threads first → last |\n");
        out.append("|---|---|---:|---:|---|---:|---|\n");
        for (String name : last.processes().keySet()) {
            ProcessSample a = first.processes().get(name);
            ProcessSample z = last.processes().get(name);
            if (a == null || z == null) {
                continue;
            }
            long pssMax = max(name, ProcessSample::pssBytes, 0, samples.size());
            double cpu = 100 * ResourceSampler.cpuSeconds(z.cpuTicks() - a.cpuTicks()) / wall;
            boolean service = z.heapUsedBytes() >= 0;
            String heap = "–";
            String live = "–";
            if (service) {
                heap = Long.toString(max(name, ProcessSample::heapUsedBytes, 0, samples.size()) / MB);
                // the first third holds the services' own warming up (caches, JIT, pools filling): compare after it
                int third = samples.size() / 3;
                long liveMiddle = max(name, ProcessSample::liveDataBytes, third, 2 * third);
                long liveLast = max(name, ProcessSample::liveDataBytes, 2 * third, samples.size());
                live = liveMiddle / MB + " → " + liveLast / MB;
                // a quarter more than the middle third's peak, or 16 MB, whichever is more, is growth
                if (liveLast > Math.max(liveMiddle * 5 / 4, liveMiddle + 16 * MB)) {
                    failures.add(name + ": live heap grew from " + liveMiddle / MB + " MB to " + liveLast / MB + " MB");
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %d → %d (%d) | %.0f | %s | %s | %s | %s |%n", name,
                    a.pssBytes() / MB, z.pssBytes() / MB, pssMax / MB, cpu, heap, live,
                    service ? String.format(Locale.ROOT, "%.1f", z.gcPauseSeconds() - a.gcPauseSeconds()) : "–",
                    service ? a.threads() + " → " + z.threads() : "–"));
            if (service && z.heapUsedBytes() < 0) {
                failures.add(name + " stopped answering its metrics scrape");
            }
        }
    }

    private void lag(StringBuilder out) {
        out.append("\n## Kafka consumer lag, records behind the end of their topics\n");
        out.append("| group | first third mean | last third mean | max | at the end |\n|---|---:|---:|---:|---:|\n");
        List<String> groups = samples.stream().flatMap(s -> s.lagByGroup().keySet().stream()).distinct().sorted().toList();
        int third = Math.max(1, samples.size() / 3);
        for (String group : groups) {
            List<Long> values = samples.stream().map(s -> s.lagByGroup().getOrDefault(group, 0L)).toList();
            double early = values.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
            double late = values.subList(values.size() - third, values.size()).stream().mapToLong(Long::longValue)
                    .average().orElse(0);
            long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
            long end = values.getLast();
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %d |%n", group, early, late, max, end));
            if (end < 0 || (late > early * 2 + LAG_SLACK)) {
                failures.add("consumer group " + group + " fell behind: lag " + Math.round(early) + " → "
                        + Math.round(late) + " records");
            }
        }
    }

    private long max(String process, ToLongFunction<ProcessSample> figure, int from, int to) {
        return samples.subList(from, Math.max(from, to)).stream().map(s -> s.processes().get(process))
                .filter(p -> p != null).mapToLong(figure).max().orElse(0);
    }

    private static String others(LoadStats.Minute total, int expected) {
        StringBuilder text = new StringBuilder();
        total.statuses().forEach((status, n) -> {
            if (status != expected) {
                String label = switch (status) {
                    case LoadStats.NO_ANSWER -> "no answer";
                    case LoadStats.NOT_SENT -> "not sent (falling behind)";
                    default -> Integer.toString(status);
                };
                text.append(text.isEmpty() ? "" : ", ").append(label).append(": ").append(n);
            }
        });
        return text.isEmpty() ? "none" : text.toString();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.1f" : "%.0f", micros / 1000.0);
    }
}
