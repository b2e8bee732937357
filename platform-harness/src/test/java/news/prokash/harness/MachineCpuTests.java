package news.prokash.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineCpuTests {

    @Test
    void shouldChargeThisJvmWithTheCpuItUsed() {
        MachineCpu cpu = MachineCpu.now();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spins++; // CPU time, not wall time: the same on a busy machine
        }

        String perItem = cpu.perItemSince(2);

        Matcher jvm = Pattern.compile("this JVM (\\d+) µs").matcher(perItem);
        assertThat(jvm.find()).as(perItem).isTrue();
        assertThat(Long.parseLong(jvm.group(1))).as("half of at least 300 ms, per item").isGreaterThanOrEqualTo(150_000);
        assertThat(perItem).contains("% busy (").as("spun %d times", spins);
    }
}
