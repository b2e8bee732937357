package news.prokash.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTests {

	@Test
	void shouldPickFreePortsBelowTheEphemeralRangeAndNeverTheSameTwice() throws IOException {
		int below = FreePorts.ephemeralLow(FreePorts.EPHEMERAL_RANGE);
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			int port = FreePorts.pick();
			assertThat(port).isBetween(FreePorts.LOWEST, below - 1);
			assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
		}
		int port = FreePorts.pick();
		try (ServerSocket bound = new ServerSocket(port)) {
			assertThat(bound.getLocalPort()).isEqualTo(port);
		}
	}

	/** The kernel's own file: /proc reports a size of 0, which a whole-file read took for a one-byte file. */
	@Test
	void shouldReadTheKernelsRange() throws IOException {
		Assumptions.assumeTrue(Files.isReadable(FreePorts.EPHEMERAL_RANGE), "no /proc here");
		int low = Integer.parseInt(Files.readAllLines(FreePorts.EPHEMERAL_RANGE).getFirst().strip().split("\\s+")[0]);

		assertThat(FreePorts.ephemeralLow(FreePorts.EPHEMERAL_RANGE)).isEqualTo(low > FreePorts.LOWEST + 1_000 ? low : 65_536);
	}

	@Test
	void shouldNotCallATakenPortFree() throws IOException {
		try (ServerSocket taken = new ServerSocket(FreePorts.pick())) {
			assertThat(FreePorts.isFree(taken.getLocalPort())).isFalse();
		}
	}

	@Test
	void shouldReadTheRangeAndFallBackWhenItIsMissingOrLeavesNoRoom(@TempDir Path dir) throws IOException {
		Path range = dir.resolve("ip_local_port_range");
		Files.writeString(range, "40000\t60999\n");
		assertThat(FreePorts.ephemeralLow(range)).isEqualTo(40_000);
		Files.writeString(range, "1024 65535\n");
		assertThat(FreePorts.ephemeralLow(range)).as("no room below: any port").isEqualTo(65_536);
		Files.writeString(range, "garbage");
		assertThat(FreePorts.ephemeralLow(range)).isEqualTo(32_768);
		assertThat(FreePorts.ephemeralLow(dir.resolve("missing"))).isEqualTo(32_768);
	}
}
