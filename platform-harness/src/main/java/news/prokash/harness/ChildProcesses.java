package news.prokash.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three servers share: pid files and the killing of leftovers from a crashed run, port
 * checks, readiness waits with the log's last lines on failure, and one JVM shutdown hook.
 * {@link #killLeftover} and {@link #tail} serve the launcher's own child processes too.
 */
public final class ChildProcesses {

	static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private static final String OWNER_FILE = "owner.pid";

	private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);

	private static final List<AutoCloseable> running = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "prokash-harness-shutdown"));
	}

	private ChildProcesses() {
	}

	static void register(AutoCloseable server) {
		running.add(server);
	}

	static void unregister(AutoCloseable server) {
		running.remove(server);
	}

	/** Stops every server still running, in parallel, so the JVM exit waits for the slowest only. */
	private static void stopAll() {
		List<Thread> stoppers = new ArrayList<>();
		for (AutoCloseable server : running) {
			stoppers.add(Thread.ofPlatform().name("prokash-harness-stop").start(() -> {
				try {
					server.close();
				}
				catch (Exception ex) {
					log.warn("Could not stop {}: {}", server, ex.toString());
				}
			}));
		}
		for (Thread stopper : stoppers) {
			try {
				stopper.join(Duration.ofSeconds(60));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Kills the process a pid file names if it still runs and its command line shows it is ours
	 * (a pid may have been reused by an unrelated process since), then removes the pid file.
	 */
	public static void killLeftover(String server, Path pidFile, Predicate<String> isOurs) {
		Optional<Long> pid = readPid(pidFile);
		if (pid.isPresent()) {
			Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
			if (handle.isPresent()) {
				String commandLine = commandLine(handle.get());
				if (isOurs.test(commandLine)) {
					log.warn("{}: killing pid {} left running by an earlier run ({})", server, pid.get(), pidFile);
					terminate(handle.get(), Duration.ofSeconds(15));
				}
				else {
					log.info("{}: pid file {} names pid {}, now an unrelated process; leaving it alone", server,
							pidFile, pid.get());
				}
			}
		}
		deleteIfExists(pidFile);
	}

	/**
	 * Claims a work dir for this JVM ({@code owner.pid}), so that a second live JVM (another build
	 * of the same module, a second launcher) does not take a running server for a leftover and
	 * kill it. A dead owner means a crashed run: the claim passes to us.
	 */
	static void claim(String server, Path workDir) {
		Path ownerFile = workDir.resolve(OWNER_FILE);
		long me = ProcessHandle.current().pid();
		Optional<ProcessHandle> owner = readPid(ownerFile).filter(pid -> pid != me)
			.flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(handle -> startedBefore(handle, ownerFile));
		if (owner.isPresent()) {
			throw new WorkDirInUseException(server + " cannot start in " + workDir + ": it is in use by another running JVM (pid "
					+ owner.get().pid() + ": " + commandLine(owner.get()).lines().findFirst().orElse("").strip()
					+ "). Stop that one, or use another work dir.");
		}
		writePid(ownerFile, me);
	}

	static void release(Path workDir) {
		deletePidFile(workDir.resolve(OWNER_FILE), ProcessHandle.current().pid());
	}

	/** A pid reused since the file was written belongs to a process younger than the file. */
	private static boolean startedBefore(ProcessHandle handle, Path file) {
		java.time.Instant written;
		try {
			written = Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return true;
		}
		return handle.info().startInstant().map(start -> !start.isAfter(written)).orElse(true);
	}

	static Optional<Long> readPid(Path pidFile) {
		try {
			String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
			return Optional.of(Long.parseLong(first));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static void writePid(Path pidFile, long pid) {
		try {
			Files.writeString(pidFile, pid + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a pid file unless a later start on the same work dir has rewritten it. */
	static void deletePidFile(Path pidFile, long pid) {
		if (readPid(pidFile).filter(written -> written == pid).isPresent()) {
			deleteIfExists(pidFile);
		}
	}

	/** The full command line from /proc ({@code ProcessHandle.Info} may truncate it). */
	static String commandLine(ProcessHandle handle) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
			return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
		}
		catch (IOException ex) {
			return handle.info().commandLine().orElse("");
		}
	}

	/** SIGTERM, then SIGKILL after the grace period; the process's descendants too. */
	static void terminate(ProcessHandle process, Duration grace) {
		List<ProcessHandle> descendants = process.descendants().toList();
		stop(process, grace);
		for (ProcessHandle descendant : descendants) {
			stop(descendant, Duration.ofSeconds(5));
		}
	}

	private static void stop(ProcessHandle process, Duration grace) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!waitForExit(process, grace)) {
			log.warn("pid {} did not stop within {} s after SIGTERM: sending SIGKILL", process.pid(),
					grace.toSeconds());
			process.destroyForcibly();
			waitForExit(process, Duration.ofSeconds(10));
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/** The port asked for (checked free) or, for 0, a free one. */
	static int portOrFree(String server, int port) {
		if (port == 0) {
			return FreePorts.pick();
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(LOOPBACK, port));
		}
		catch (IOException ex) {
			throw new HarnessException(server + " cannot start: port " + port
					+ " is already in use (another process listens on it; an earlier run still up? `./prokash stop`)");
		}
		return port;
	}

	/**
	 * Polls {@code ready} until it holds; on timeout or early exit of the child, kills the child
	 * and fails with the server's name, port and the last lines of its log.
	 */
	static void awaitReady(String server, int port, Process process, Path logFile, Duration timeout,
			BooleanSupplier ready) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new HarnessException(server + " on port " + port + " exited with code " + process.exitValue()
						+ " while starting. Last lines of " + logFile + ":\n" + tail(logFile, 40));
			}
			if (ready.getAsBoolean()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				terminate(process.toHandle(), Duration.ofSeconds(10));
				throw new HarnessException(server + " on port " + port + " was not ready within " + timeout.toSeconds()
						+ " s. Last lines of " + logFile + ":\n" + tail(logFile, 40));
			}
			sleep(Duration.ofMillis(200));
		}
	}

	/** Runs a short tool to completion, its output appended to a log; fails with that output. */
	static void runTool(String what, ProcessBuilder builder, Path logFile, Duration timeout) {
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		try {
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				terminate(process.toHandle(), Duration.ofSeconds(5));
				throw new HarnessException(what + " did not finish within " + timeout.toSeconds() + " s. Last lines of "
						+ logFile + ":\n" + tail(logFile, 40));
			}
			if (process.exitValue() != 0) {
				throw new HarnessException(what + " failed with exit code " + process.exitValue() + ". Last lines of "
						+ logFile + ":\n" + tail(logFile, 40));
			}
		}
		catch (IOException ex) {
			throw new HarnessException(what + " could not be run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HarnessException(what + " was interrupted", ex);
		}
	}

	static boolean logContains(Path logFile, String text) {
		try {
			return Files.exists(logFile) && Files.readString(logFile, StandardCharsets.ISO_8859_1).contains(text);
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static String tail(Path logFile, int lines) {
		try {
			List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	static boolean isRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/** The java launcher of the JVM running the harness: every child runs on the same JDK. */
	static Path javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	static void createDirectories(Path... directories) {
		try {
			for (Path directory : directories) {
				Files.createDirectories(directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not delete " + path, ex);
		}
	}

	static void deleteIfExists(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HarnessException("interrupted while waiting for a server", ex);
		}
	}

	static long millisSince(long startNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
	}

}
