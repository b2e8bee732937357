package news.prokash.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real servers for tests, each started on first use and at most once per JVM, stopped when the
 * JVM ends. The harness variant uses random ports and files under {@code target/harness/<server>}
 * of the current directory (the module's, under Surefire), starting from empty storage.
 * <p>
 * {@code -Dprokash.test.infrastructure} (or the environment variable
 * {@code PROKASH_TEST_INFRASTRUCTURE}) picks the variant: {@code harness}, {@code testcontainers}
 * or {@code auto} (the default: Testcontainers when a Docker engine answers, else the harness).
 */
public final class Infrastructure {

	/** Which servers the tests get. */
	public enum Mode {

		/** Child processes started by this module ({@link KafkaBroker} and the others). */
		HARNESS,

		/** Docker containers started by Testcontainers. */
		TESTCONTAINERS

	}

	public static final String SWITCH = "prokash.test.infrastructure";

	private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

	private static final Path WORK_DIR = Path.of("target", "harness");

	private static final Once<Mode> MODE = new Once<>(Infrastructure::chooseMode);

	private static final Once<KafkaEndpoint> KAFKA = new Once<>(() -> switch (mode()) {
		case HARNESS -> new KafkaEndpoint(inFreeWorkDir("kafka", dir -> KafkaBroker.startClean(dir, 0)).bootstrapServers());
		case TESTCONTAINERS -> TestcontainersInfrastructure.kafka();
	});

	private static final Once<ElasticsearchEndpoint> ELASTICSEARCH = new Once<>(() -> switch (mode()) {
		case HARNESS -> new ElasticsearchEndpoint(
				inFreeWorkDir("elasticsearch", dir -> ElasticsearchNode.startClean(dir, 0)).uri());
		case TESTCONTAINERS -> TestcontainersInfrastructure.elasticsearch();
	});

	private static final Once<PostgresEndpoint> POSTGRES = new Once<>(() -> switch (mode()) {
		case HARNESS -> {
			PostgresServer server = inFreeWorkDir("postgres", dir -> PostgresServer.startClean(dir, 0));
			yield new PostgresEndpoint(server.jdbcUrl(), server.username(), server.password());
		}
		case TESTCONTAINERS -> TestcontainersInfrastructure.postgres();
	});

	private Infrastructure() {
	}

	/** A Kafka broker (6 partitions per auto-created topic). */
	public static KafkaEndpoint kafka() {
		return KAFKA.get();
	}

	/** Elasticsearch 9.2 with the {@code prokash-bengali} analysis plugin. */
	public static ElasticsearchEndpoint elasticsearch() {
		return ELASTICSEARCH.get();
	}

	/** PostgreSQL 17 with the database {@code prokash}. */
	public static PostgresEndpoint postgres() {
		return POSTGRES.get();
	}

	public static Mode mode() {
		return MODE.get();
	}

	/**
	 * {@code target/harness/<server>}, or {@code <server>-2} … when another live JVM (say, a second
	 * build of the same module) holds it.
	 */
	private static <T> T inFreeWorkDir(String server, Function<Path, T> start) {
		for (int attempt = 1;; attempt++) {
			Path workDir = WORK_DIR.resolve((attempt == 1) ? server : server + "-" + attempt);
			try {
				return start.apply(workDir);
			}
			catch (WorkDirInUseException ex) {
				if (attempt == 5) {
					throw ex;
				}
				log.info("{}; trying the next work dir", ex.getMessage());
			}
		}
	}

	private static Mode chooseMode() {
		String requested = System.getProperty(SWITCH);
		if (requested == null || requested.isBlank()) {
			requested = System.getenv("PROKASH_TEST_INFRASTRUCTURE");
		}
		String value = (requested == null || requested.isBlank()) ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
		Mode mode = switch (value) {
			case "harness" -> Mode.HARNESS;
			case "testcontainers" -> Mode.TESTCONTAINERS;
			case "auto" -> dockerAvailable() ? Mode.TESTCONTAINERS : Mode.HARNESS;
			default -> throw new HarnessException(
					SWITCH + " must be harness, testcontainers or auto, not '" + requested + "'");
		};
		log.info("Test infrastructure: {} ({}={})", mode, SWITCH, value);
		return mode;
	}

	/**
	 * Asks Testcontainers only when a Docker engine is plausible: its full probe is slow and noisy
	 * on machines without one.
	 */
	private static boolean dockerAvailable() {
		String home = System.getProperty("user.home");
		boolean plausible = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(home, ".testcontainers.properties"));
		if (!plausible) {
			return false;
		}
		try {
			return TestcontainersInfrastructure.dockerAvailable();
		}
		catch (LinkageError ex) {
			// Testcontainers excluded from the class path (as in the launcher)
			return false;
		}
	}

	/** Computes a value once; a failure is remembered and rethrown, not retried by every test. */
	private static final class Once<T> {

		private final Supplier<T> supplier;

		private @Nullable T value;

		private @Nullable RuntimeException failure;

		Once(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		synchronized T get() {
			if (this.failure != null) {
				throw new HarnessException("an earlier start failed: " + this.failure.getMessage(), this.failure);
			}
			if (this.value == null) {
				try {
					this.value = this.supplier.get();
				}
				catch (RuntimeException ex) {
					this.failure = ex;
					throw ex;
				}
			}
			return this.value;
		}

	}

}
