package news.prokash.platform;

import java.io.IOException;
import java.net.ServerSocket;

import news.prokash.harness.FreePorts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A port the user gives for a service: used if free, refused with what to do if another program holds it. */
class PlatformPortsTests {

    @Test
    void shouldTakeAFreePortAndRefuseATakenOne() throws IOException {
        int free = FreePorts.pick();
        assertThat(Platform.requireFree("ingest-service", free)).isEqualTo(free);

        try (ServerSocket taken = new ServerSocket(FreePorts.pick())) {
            assertThatThrownBy(() -> Platform.requireFree("ingest-service", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " for ingest-service is taken")
                    .hasMessageContaining("./prokash stop");
        }
    }
}
