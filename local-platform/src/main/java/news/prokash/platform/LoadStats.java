package news.prokash.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies and answers of one operation, per minute of the run. Latency is measured from the moment
 * the request was due (open loop), not from when it went out, so a stall shows in the figures instead
 * of being hidden by requests that were simply not sent meanwhile.
 */
final class LoadStats {

    /** A status for "no HTTP answer at all" (connection refused or reset, timeout). */
    static final int NO_ANSWER = -1;

    /** A status for "not sent: too many of this operation still in flight" (the platform fell behind). */
    static final int NOT_SENT = -2;

    private static final int MAX_SAMPLES = 5;

    private final int expectedStatus;

    private final List<Minute> minutes = new ArrayList<>();

    private final List<String> unexpectedSamples = new ArrayList<>();

    LoadStats(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    /** One minute's figures; {@code latenciesMicros} of every answered request, in no order. */
    static final class Minute {

        private long[] latenciesMicros = new long[1024];

        private int count;

        private final Map<Integer, Integer> statuses = new TreeMap<>();

        private void add(long micros, int status) {
            if (count == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, count * 2);
            }
            if (status != NOT_SENT) {
                latenciesMicros[count++] = micros;
            }
            statuses.merge(status, 1, Integer::sum);
        }

        private void addAll(Minute other) {
            if (count + other.count > latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, count + other.count);
            }
            System.arraycopy(other.latenciesMicros, 0, latenciesMicros, count, other.count);
            count += other.count;
            other.statuses.forEach((status, n) -> statuses.merge(status, n, Integer::sum));
        }

        Map<Integer, Integer> statuses() {
            return statuses;
        }

        long[] sortedMicros() {
            long[] sorted = Arrays.copyOf(latenciesMicros, count);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    synchronized void record(int minute, long latencyMicros, int status, String bodyIfUnexpected) {
        while (minutes.size() <= minute) {
            minutes.add(new Minute());
        }
        minutes.get(minute).add(latencyMicros, status);
        if (status != expectedStatus && unexpectedSamples.size() < MAX_SAMPLES) {
            unexpectedSamples.add(status + " " + bodyIfUnexpected.substring(0, Math.min(300, bodyIfUnexpected.length())));
        }
    }

    synchronized List<Minute> minutes() {
        return List.copyOf(minutes);
    }

    synchronized List<String> unexpectedSamples() {
        return List.copyOf(unexpectedSamples);
    }

    int expectedStatus() {
        return expectedStatus;
    }

    /** All minutes together. */
    synchronized Minute total() {
        Minute all = new Minute();
        minutes.forEach(all::addAll);
        return all;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Answers other than the expected one, "not sent" included. */
    static int unexpected(Minute minute, int expectedStatus) {
        return minute.statuses().entrySet().stream().filter(e -> e.getKey() != expectedStatus)
                .mapToInt(Map.Entry::getValue).sum();
    }
}
