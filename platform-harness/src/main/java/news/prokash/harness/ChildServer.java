package news.prokash.harness;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A server the harness runs as a child process (Kafka, Elasticsearch): what every such handle
 * knows, and how it stops — SIGTERM for a clean shutdown, SIGKILL after 30 s, then its pid file
 * and its claim on the work dir go. Idempotent.
 */
public abstract class ChildServer implements AutoCloseable {

	private final Path workDir;

	private final int port;

	private final String version;

	private final Process process;

	private final String pidFileName;

	ChildServer(Path workDir, int port, String version, Process process, String pidFileName) {
		this.workDir = workDir;
		this.port = port;
		this.version = version;
		this.process = process;
		this.pidFileName = pidFileName;
	}

	public int port() {
		return this.port;
	}

	public Path workDir() {
		return this.workDir;
	}

	/** The process id of the child the harness started (its pid file holds the same). */
	public long pid() {
		return this.process.pid();
	}

	public String version() {
		return this.version;
	}

	public boolean isRunning() {
		return this.process.isAlive();
	}

	@Override
	public void close() {
		ChildProcesses.terminate(this.process.toHandle(), Duration.ofSeconds(30));
		ChildProcesses.unregister(this);
		ChildProcesses.deletePidFile(this.workDir.resolve(this.pidFileName), this.process.pid());
		ChildProcesses.release(this.workDir);
	}

}
