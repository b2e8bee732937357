package news.prokash.harness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JitWarmUpTests {

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldReadTheCompilerThreadsCpuTimeWhichOnlyGrows() {
        long before = JitWarmUp.compilationMillis();
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode(); // hot code, so that the JIT has work
        }
        assertThat(sum).isNotZero();
        assertThat(before).isNotNegative();
        assertThat(JitWarmUp.compilationMillis()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void shouldStopAtTheLimitWhenTheJitNeverCountsAsSettled() throws Exception {
        AtomicLong rounds = new AtomicLong();
        JitWarmUp.Report report = new JitWarmUp(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(100), -1)
                .run(() -> {
                    rounds.incrementAndGet();
                    Thread.sleep(10);
                });
        assertThat(report.settled()).isFalse();
        assertThat(report.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(report.rounds()).isEqualTo(rounds.get()).isGreaterThan(1);
        assertThat(report.toString()).contains("still compiling at the limit");
    }

    @Test
    void shouldWarmAtLeastTheMinimumThenStopAtTheFirstQuietWindow() throws Exception {
        JitWarmUp.Report report = new JitWarmUp(Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMillis(100),
                Double.MAX_VALUE).run(() -> Thread.sleep(10));
        assertThat(report.settled()).isTrue();
        assertThat(report.took()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(30));
        assertThat(report.toString()).contains("settled");
    }

    @Test
    void shouldRefuseAMinimumAboveTheLimit() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new JitWarmUp(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), 0.05));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new JitWarmUp(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, 0.05));
    }
}
