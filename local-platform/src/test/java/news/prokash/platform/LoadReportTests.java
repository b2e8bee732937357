package news.prokash.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import news.prokash.platform.LoadMix.Operation;
import news.prokash.platform.ResourceSampler.ProcessSample;
import news.prokash.platform.ResourceSampler.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadReportTests {

    private static final long MB = 1024 * 1024;

    @Test
    void shouldParseRatesAndLeaveOutTheOthersWithOnly() {
        LoadMix mix = LoadMix.parse(new String[] { "--minutes=2", "--only=popular", "--rate.popular=2000" });

        assertThat(mix.measured()).isEqualTo(Duration.ofMinutes(2));
        assertThat(mix.rate(Operation.POPULAR)).isEqualTo(2000.0);
        assertThat(mix.totalRate()).isEqualTo(2000.0);
        assertThatIllegalArgumentException().isThrownBy(() -> LoadMix.parse(new String[] { "--rate.vews=1" }))
                .withMessageContaining("unknown operation 'vews'");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadMix.parse(new String[] { "--corpus=3" }));
    }

    @Test
    void shouldTakePercentilesOfTheAnsweredRequestsOnly() {
        LoadStats stats = new LoadStats(200);
        for (int i = 1; i <= 100; i++) {
            stats.record(0, i * 1_000L, 200, "");
        }
        stats.record(1, 0, LoadStats.NOT_SENT, "");

        long[] sorted = stats.total().sortedMicros();
        assertThat(sorted).hasSize(100);
        assertThat(LoadStats.percentile(sorted, 50)).isEqualTo(50_000);
        assertThat(LoadStats.percentile(sorted, 99)).isEqualTo(99_000);
        assertThat(LoadStats.unexpected(stats.total(), 200)).isEqualTo(1);
        assertThat(stats.minutes()).hasSize(2);
    }

    @Test
    void shouldHoldWhenAnswersAreAsExpectedAndNothingGrows() {
        LoadReport report = report(ok(), samples(80 * MB, 80 * MB, 10, 10));

        assertThat(report.markdown()).contains("Held: no unexpected answers");
        assertThat(report.held()).isTrue();
    }

    @Test
    void shouldNotHoldOnUnexpectedAnswersGrowingLagOrGrowingLiveHeap() {
        Map<Operation, LoadStats> stats = ok();
        stats.get(Operation.VIEW).record(0, 5_000, 503, "{\"title\":\"View not recorded\"}");

        LoadReport report = report(stats, samples(80 * MB, 160 * MB, 10, 50_000));
        String text = report.markdown();

        assertThat(report.held()).isFalse();
        assertThat(text).contains("POST ranking /api/v1/views: 1 unexpected answers 503: 1")
                .contains("ranking-service: live heap grew from 80 MB to 160 MB")
                .contains("consumer group ranking-service fell behind");
    }

    private static LoadReport report(Map<Operation, LoadStats> stats, List<Sample> samples) {
        LoadMix mix = new LoadMix(Map.of(Operation.VIEW, 10.0), Duration.ZERO, Duration.ofMinutes(1), 20, 10);
        return new LoadReport(mix, Instant.parse("2026-11-28T02:00:00Z"), stats, samples);
    }

    private static Map<Operation, LoadStats> ok() {
        Map<Operation, LoadStats> stats = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            stats.put(op, new LoadStats(op.expectedStatus));
        }
        for (int i = 0; i < 600; i++) {
            stats.get(Operation.VIEW).record(0, 2_000 + i, 202, "");
        }
        return stats;
    }

    /** Nine samples, ten seconds apart: live heap and lag step from the first value to the last in the last third. */
    private static List<Sample> samples(long liveBefore, long liveAfter, long lagBefore, long lagAfter) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            boolean late = i >= 6;
            ProcessSample ranking = new ProcessSample(400 * MB, 100L * i, 200 * MB, late ? liveAfter : liveBefore, 0.1 * i,
                    60);
            samples.add(new Sample(10L * i, Map.of("ranking-service", ranking),
                    Map.of("ranking-service", late ? lagAfter : lagBefore)));
        }
        return samples;
    }
}
