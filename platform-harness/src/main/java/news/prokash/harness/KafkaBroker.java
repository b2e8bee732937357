package news.prokash.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, combined broker and controller, one node) running as a child
 * process: {@code java -cp target/kafka-libs/* kafka.Kafka server.properties}.
 * <p>
 * Files under the work dir: {@code server.properties}, {@code data/} (the log dirs),
 * {@code kafka.log} (its output), {@code kafka.pid}, {@code tmp/}.
 */
public final class KafkaBroker extends ChildServer {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private static final String MAIN_CLASS = "kafka.Kafka";

	private static final String READY_LINE = "Kafka Server started";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private KafkaBroker(Path workDir, int port, String version, Process process) {
		super(workDir, port, version, process, "kafka.pid");
	}

	/**
	 * Starts a broker on {@code 127.0.0.1:port} (0: a free port), keeping the topics of an earlier
	 * run in this work dir. A broker an earlier, crashed run left running there is killed first.
	 */
	public static KafkaBroker start(Path workDir, int port) {
		return start(workDir, port, false);
	}

	/** Like {@link #start(Path, int)}, but on empty storage (no topics from an earlier run). */
	public static KafkaBroker startClean(Path workDir, int port) {
		return start(workDir, port, true);
	}

	/** Kills a broker an earlier run left running in this work dir, if any. */
	public static void stopLeftover(Path workDir) {
		Path dir = workDir.toAbsolutePath().normalize();
		ChildProcesses.killLeftover("Kafka", dir.resolve("kafka.pid"),
				commandLine -> commandLine.contains(MAIN_CLASS) && commandLine.contains(dir + "/"));
	}

	private static KafkaBroker start(Path requestedWorkDir, int requestedPort, boolean clean) {
		Path workDir = requestedWorkDir.toAbsolutePath().normalize();
		ChildProcesses.createDirectories(workDir);
		ChildProcesses.claim("Kafka", workDir);
		try {
			return launch(workDir, requestedPort, clean);
		}
		catch (RuntimeException ex) {
			ChildProcesses.release(workDir);
			throw ex;
		}
	}

	private static KafkaBroker launch(Path workDir, int requestedPort, boolean clean) {
		long started = System.nanoTime();
		Layout layout = Layout.load();
		if (!Files.isDirectory(layout.kafkaLibs())) {
			throw new HarnessException("Kafka's jars are missing at " + layout.kafkaLibs()
					+ ": build platform-harness (./prokash mvn -pl platform-harness -am install)");
		}
		stopLeftover(workDir);
		Path data = workDir.resolve("data");
		if (clean) {
			ChildProcesses.deleteRecursively(data);
		}
		Path tmp = workDir.resolve("tmp");
		ChildProcesses.createDirectories(data, tmp);
		int port = ChildProcesses.portOrFree("Kafka", requestedPort);
		// internal to the broker; with a static voter set the next start may pick another one
		int controllerPort = FreePorts.pick();

		Path config = workDir.resolve("server.properties");
		Path log4j = workDir.resolve("log4j2.properties");
		Path logFile = workDir.resolve("kafka.log");
		write(config, serverProperties(data, port, controllerPort));
		write(log4j, LOG4J_CONFIG);
		ChildProcesses.deleteIfExists(logFile);

		if (!Files.exists(data.resolve("meta.properties"))) {
			ChildProcesses.runTool("Kafka storage format in " + data,
					java(layout, tmp, log4j, workDir, "kafka.tools.StorageTool", "format",
							// the "=" form: a base64url id may start with '-' and would read as an option
							"--cluster-id=" + clusterId(),
							"--config", config.toString()),
					logFile, Duration.ofSeconds(60));
		}

		ProcessBuilder builder = java(layout, tmp, log4j, workDir, MAIN_CLASS, config.toString());
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new HarnessException("Kafka could not be launched: " + ex.getMessage(), ex);
		}
		ChildProcesses.writePid(workDir.resolve("kafka.pid"), process.pid());
		KafkaBroker broker = new KafkaBroker(workDir, port, layout.kafkaVersion(), process);
		ChildProcesses.register(broker);
		try {
			ChildProcesses.awaitReady("Kafka", port, process, logFile, START_TIMEOUT,
					() -> ChildProcesses.logContains(logFile, READY_LINE) && accepts(port));
		}
		catch (RuntimeException ex) {
			broker.close();
			throw ex;
		}
		log.info("Kafka {} broker started on {} in {} ms (pid {}, work dir {})", layout.kafkaVersion(),
				broker.bootstrapServers(), ChildProcesses.millisSince(started), process.pid(), workDir);
		return broker;
	}

	private static ProcessBuilder java(Layout layout, Path tmp, Path log4j, Path workDir, String mainClass,
			String... arguments) {
		List<String> command = new java.util.ArrayList<>(List.of(ChildProcesses.javaExecutable().toString(),
				"-Xms256m", "-Xmx512m",
				// no hsperfdata file in /tmp
				"-XX:-UsePerfData", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp,
				"-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + workDir,
				"-cp", layout.kafkaLibs().resolve("*").toString(), mainClass));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).directory(workDir.toFile());
	}

	private static String serverProperties(Path data, int port, int controllerPort) {
		return """
				# written by the Prokash harness on every start
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				controller.listener.names=CONTROLLER
				log.dirs=%3$s
				num.partitions=6
				auto.create.topics.enable=true
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=6
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(port, controllerPort, data) + flushEvery();
	}

	/**
	 * {@code -Dprokash.harness.kafka.flush-ms=N}: the broker writes its logs to disk every N ms. By default (as
	 * Kafka's own default) it never asks, and the OS writes the dirty pages when they are 30 s old: at the ingest
	 * benchmark's 25 MB/s that was 500 MB at once, which stalled every process on the disk for 150–450 ms.
	 * Production brokers have disks of their own; this one shares the benchmark's, so a benchmark that quotes
	 * latency asks for small, steady writes.
	 */
	static String flushEvery() {
		String millis = System.getProperty("prokash.harness.kafka.flush-ms", "");
		if (millis.isEmpty()) {
			return "";
		}
		if (!millis.matches("[1-9][0-9]{0,6}")) {
			throw new IllegalArgumentException("prokash.harness.kafka.flush-ms is a number of ms, not " + millis);
		}
		return "log.flush.interval.ms=%1$s%nlog.flush.scheduler.interval.ms=%1$s%n".formatted(millis);
	}

	// console only: the child's output goes to kafka.log
	private static final String LOG4J_CONFIG = """
			appender.console.type=Console
			appender.console.name=console
			appender.console.layout.type=PatternLayout
			appender.console.layout.pattern=[%d] %p %m (%c)%n
			rootLogger.level=INFO
			rootLogger.appenderRef.console.ref=console
			logger.state-change.name=state.change.logger
			logger.state-change.level=WARN
			""";

	/** A random cluster id in Kafka's format (16 bytes, URL-safe base64 without padding). */
	private static String clusterId() {
		UUID uuid = UUID.randomUUID();
		ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket(ChildProcesses.LOOPBACK, port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return "127.0.0.1:" + port();
	}

	@Override
	public String toString() {
		return "Kafka " + version() + " on " + bootstrapServers();
	}

}
