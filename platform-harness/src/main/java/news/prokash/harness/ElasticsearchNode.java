package news.prokash.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node (the {@code integ-test-zip} distribution unpacked by this module's
 * build) with the {@code prokash-bengali} analysis plugin installed, running as a child process.
 * Elasticsearch refuses to run as root: under root it runs as the system user {@value #USER}
 * (created if missing), which owns the work dir.
 * <p>
 * Files under the work dir: {@code config/} (a copy of the distribution's, with our
 * {@code elasticsearch.yml}), {@code data/}, {@code logs/}, {@code tmp/},
 * {@code elasticsearch.log} (console output), {@code elasticsearch.pid} (the launcher process) and
 * {@code server.pid} (the server process, written by Elasticsearch).
 */
public final class ElasticsearchNode extends ChildServer {

	/** The unprivileged user Elasticsearch runs as when the harness runs as root. */
	public static final String USER = "prokash-es";

	/** The installed analysis plugin's name. */
	public static final String PLUGIN = "prokash-bengali";

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final Path FALLBACK_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	private static final Object INSTALL_LOCK = new Object();

	private ElasticsearchNode(Path workDir, int port, String version, Process process) {
		super(workDir, port, version, process, "elasticsearch.pid");
	}

	/**
	 * Starts a node answering HTTP on {@code 127.0.0.1:port} (0: a free port), keeping the indices
	 * of an earlier run in this work dir. A node an earlier, crashed run left running there is
	 * killed first. The heap is 512 MB unless {@code -Dprokash.harness.elasticsearch.heap=1g}.
	 */
	public static ElasticsearchNode start(Path workDir, int port) {
		return start(workDir, port, false);
	}

	/** Like {@link #start(Path, int)}, but without indices from an earlier run. */
	public static ElasticsearchNode startClean(Path workDir, int port) {
		return start(workDir, port, true);
	}

	/** Kills a node an earlier run left running in this work dir, if any. */
	public static void stopLeftover(Path workDir) {
		Path dir = workDir.toAbsolutePath().normalize();
		// the launcher carries -Des.path.conf=<work dir>/config, the server -Djava.io.tmpdir=<work dir>/tmp
		String inWorkDir = dir + "/";
		for (String pidFile : List.of("elasticsearch.pid", "server.pid")) {
			ChildProcesses.killLeftover("Elasticsearch", dir.resolve(pidFile),
					commandLine -> commandLine.contains("org.elasticsearch") && commandLine.contains(inWorkDir));
		}
	}

	private static ElasticsearchNode start(Path requestedWorkDir, int requestedPort, boolean clean) {
		Path workDir = requestedWorkDir.toAbsolutePath().normalize();
		ChildProcesses.createDirectories(workDir);
		ChildProcesses.claim("Elasticsearch", workDir);
		try {
			return launch(workDir, requestedPort, clean);
		}
		catch (RuntimeException ex) {
			ChildProcesses.release(workDir);
			throw ex;
		}
	}

	private static ElasticsearchNode launch(Path workDir, int requestedPort, boolean clean) {
		long started = System.nanoTime();
		Layout layout = Layout.load();
		Path home = layout.elasticsearchHome();
		if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
			throw new HarnessException("Elasticsearch is missing at " + home
					+ ": build platform-harness (./prokash mvn -pl platform-harness -am install)");
		}
		Path javaHome = javaHome();
		installPlugin(layout, javaHome);

		stopLeftover(workDir);
		Path config = workDir.resolve("config");
		Path data = workDir.resolve("data");
		Path logs = workDir.resolve("logs");
		Path tmp = workDir.resolve("tmp");
		if (clean) {
			ChildProcesses.deleteRecursively(data);
		}
		ChildProcesses.deleteRecursively(tmp);
		ChildProcesses.createDirectories(config, data, logs, tmp);
		int port = ChildProcesses.portOrFree("Elasticsearch", requestedPort);
		int transportPort = FreePorts.pick();
		writeConfig(home.resolve("config"), config, data, logs, port, transportPort);
		Path logFile = workDir.resolve("elasticsearch.log");
		ChildProcesses.deleteIfExists(logFile);

		List<String> command = new ArrayList<>();
		if (ChildProcesses.isRoot()) {
			ensureUser(workDir);
			chown(workDir);
			// setpriv execs: the child's pid is Elasticsearch's launcher, not a wrapper
			command.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups", "--"));
		}
		command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-p", workDir.resolve("server.pid").toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		String heap = System.getProperty("prokash.harness.elasticsearch.heap", "512m");
		environment(builder, javaHome, tmp).putAll(Map.of("ES_PATH_CONF", config.toString(), "ES_JAVA_OPTS",
				"-Xms" + heap + " -Xmx" + heap, "HOME", workDir.toString()));
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new HarnessException("Elasticsearch could not be launched: " + ex.getMessage(), ex);
		}
		ChildProcesses.writePid(workDir.resolve("elasticsearch.pid"), process.pid());
		ElasticsearchNode node = new ElasticsearchNode(workDir, port, layout.elasticsearchVersion(), process);
		ChildProcesses.register(node);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		try {
			ChildProcesses.awaitReady("Elasticsearch", port, process, logFile, START_TIMEOUT,
					() -> isHealthy(http, node.uri()));
		}
		catch (RuntimeException ex) {
			node.close();
			throw ex;
		}
		finally {
			http.close();
		}
		log.info("Elasticsearch {} (plugin {}) started on {} in {} ms (pid {}, work dir {})",
				layout.elasticsearchVersion(), PLUGIN, node.uri(), ChildProcesses.millisSince(started), process.pid(),
				workDir);
		return node;
	}

	/** {@code GET /} answers 405 on this distribution: cluster health is the readiness probe. */
	private static boolean isHealthy(HttpClient http, String uri) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(uri + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(3))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void writeConfig(Path distributionConfig, Path config, Path data, Path logs, int port,
			int transportPort) {
		try (Stream<Path> files = Files.walk(distributionConfig)) {
			for (Path source : files.toList()) {
				Path target = config.resolve(distributionConfig.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			Files.writeString(config.resolve("elasticsearch.yml"), """
					# written by the Prokash harness on every start
					cluster.name: prokash-harness
					node.name: harness
					path.data: %s
					path.logs: %s
					network.host: 127.0.0.1
					http.port: %d
					transport.port: %d
					discovery.type: single-node
					xpack.security.enabled: false
					cluster.routing.allocation.disk.threshold_enabled: false
					action.destructive_requires_name: false
					""".formatted(data, logs, port, transportPort));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write Elasticsearch's config to " + config, ex);
		}
	}

	/**
	 * Installs the plugin into the shared distribution unless the same zip (by SHA-256) is already
	 * installed. A file lock keeps JVMs of other modules (and the launcher) from installing at the
	 * same time.
	 */
	private static void installPlugin(Layout layout, Path javaHome) {
		Path zip = layout.elasticsearchPlugin();
		if (!Files.isRegularFile(zip)) {
			throw new HarnessException("The " + PLUGIN + " plugin zip is missing at " + zip
					+ ": build bengali-analysis and platform-harness (./prokash mvn -pl platform-harness -am install)");
		}
		Path home = layout.elasticsearchHome();
		Path installed = home.resolve("plugins").resolve(PLUGIN);
		Path marker = home.resolve(PLUGIN + ".sha256");
		synchronized (INSTALL_LOCK) {
			try (FileChannel channel = FileChannel.open(home.resolve(".prokash-plugin.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				String sha256 = sha256(zip);
				if (Files.isDirectory(installed) && Files.exists(marker) && Files.readString(marker).equals(sha256)) {
					return;
				}
				long started = System.nanoTime();
				Path toolLog = home.resolve("plugin-install.log");
				Path tmp = home.resolveSibling("elasticsearch-tmp");
				ChildProcesses.createDirectories(tmp);
				if (Files.isDirectory(installed)) {
					ProcessBuilder remove = new ProcessBuilder(home.resolve("bin/elasticsearch-plugin").toString(),
							"remove", PLUGIN);
					environment(remove, javaHome, tmp);
					ChildProcesses.runTool("elasticsearch-plugin remove " + PLUGIN, remove, toolLog, Duration.ofMinutes(2));
				}
				ProcessBuilder install = new ProcessBuilder(home.resolve("bin/elasticsearch-plugin").toString(),
						"install", "--batch", zip.toUri().toString());
				environment(install, javaHome, tmp);
				ChildProcesses.runTool("elasticsearch-plugin install " + zip, install, toolLog, Duration.ofMinutes(2));
				Files.writeString(marker, sha256);
				log.info("Installed Elasticsearch plugin {} from {} in {} ms", PLUGIN, zip,
						ChildProcesses.millisSince(started));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not install " + PLUGIN + " into " + home, ex);
			}
		}
	}

	/** The environment of Elasticsearch's scripts: our JDK, temp files under our dirs. */
	private static Map<String, String> environment(ProcessBuilder builder, Path javaHome, Path tmp) {
		Map<String, String> environment = builder.environment();
		// the scripts warn about these, and JAVA_TOOL_OPTIONS would reach every JVM
		environment.remove("JAVA_HOME");
		environment.remove("JAVA_TOOL_OPTIONS");
		environment.remove("_JAVA_OPTIONS");
		environment.put("ES_JAVA_HOME", javaHome.toString());
		environment.put("ES_TMPDIR", tmp.toString());
		environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -Xmx512m");
		// every JVM the scripts start (some ignore CLI_JAVA_OPTS): no hsperfdata dir in /tmp
		environment.put("JDK_JAVA_OPTIONS", "-XX:-UsePerfData");
		return environment;
	}

	/** A JDK 21+ for Elasticsearch: the one running the harness if new enough. */
	private static Path javaHome() {
		if (Runtime.version().feature() >= 21) {
			return Path.of(System.getProperty("java.home"));
		}
		Optional<Path> fromEnvironment = Optional.ofNullable(System.getenv("ES_JAVA_HOME")).map(Path::of);
		for (Path candidate : Stream.concat(fromEnvironment.stream(), Stream.of(FALLBACK_JDK)).toList()) {
			if (Files.isExecutable(candidate.resolve("bin/java"))) {
				return candidate;
			}
		}
		throw new HarnessException("Elasticsearch needs a JDK 21+: run the harness on one, set ES_JAVA_HOME, or install "
				+ FALLBACK_JDK);
	}

	private static synchronized void ensureUser(Path workDir) {
		if (userExists()) {
			return;
		}
		ChildProcesses.runTool("useradd " + USER,
				new ProcessBuilder("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
						"--shell", "/usr/sbin/nologin", USER),
				workDir.resolve("useradd.log"),
				Duration.ofSeconds(30));
		// another JVM may have created it at the same moment: what counts is that it exists
		if (!userExists()) {
			throw new HarnessException("could not create the system user " + USER + " for Elasticsearch");
		}
		ChildProcesses.deleteIfExists(workDir.resolve("useradd.log"));
	}

	private static boolean userExists() {
		try {
			return new ProcessBuilder("id", "-u", USER).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void chown(Path workDir) {
		Path log = workDir.resolve("chown.log");
		ChildProcesses.runTool("chown " + workDir, new ProcessBuilder("chown", "-R", USER + ":" + USER, workDir.toString()),
				log, Duration.ofSeconds(60));
		ChildProcesses.deleteIfExists(log);
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code http://127.0.0.1:port}, for {@code spring.elasticsearch.uris}. */
	public String uri() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	public String toString() {
		return "Elasticsearch " + version() + " on " + uri();
	}

}
