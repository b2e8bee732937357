package news.prokash.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers this JVM starts, picked below the kernel's ephemeral range. A port the kernel
 * hands out ({@code new ServerSocket(0)}) comes from the same range as the local ports of outgoing
 * connections, so in the seconds before the child binds it any connection may take it (a CI run
 * lost ranking-service that way: "Port 35583 was already in use"). Below that range only an
 * explicit bind can take a port.
 */
public final class FreePorts {

	static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	// above the well-known and most registered service ports people run by hand (5432, 8080, 9200, 9092)
	static final int LOWEST = 10_000;

	// the kernel's setting, read once: it is set at boot
	private static final int BELOW = ephemeralLow(EPHEMERAL_RANGE);

	// once handed out, never again in this JVM: two servers must not get one port before either binds it
	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	/** A port free on every address now, below the ephemeral range, not handed out before in this JVM. */
	public static int pick() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW);
			if (!handedOut.contains(port) && isFree(port) && handedOut.add(port)) {
				return port;
			}
		}
		throw new HarnessException("no free port between " + LOWEST + " and " + BELOW + " after 200 tries");
	}

	/** The first port of the kernel's ephemeral range; Linux's default if the file is missing or odd. */
	static int ephemeralLow(Path range) {
		try {
			String first;
			// a reader, not Files.readString: /proc reports a size of 0, and readString gave "3" of "32768\t60999"
			try (BufferedReader reader = Files.newBufferedReader(range)) {
				first = reader.readLine();
			}
			String[] bounds = first.strip().split("\\s+");
			int low = Integer.parseInt(bounds[0]);
			// a range starting low leaves no room below it; then any free port is the best there is
			return low > LOWEST + 1_000 ? low : 65_536;
		}
		catch (IOException | RuntimeException unreadable) {
			return 32_768;
		}
	}

	public static boolean isFree(int port) {
		// the wildcard address: a service binds all interfaces, and this fails if any address holds the port
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}
}
