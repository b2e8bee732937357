package news.prokash.platform;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where the platform keeps its files and which ports it takes. Port 0 means "any free port"
 * (the end-to-end tests); `./prokash run` uses the documented fixed ports.
 *
 * @param externalJdbcUrl a PostgreSQL to use instead of the embedded one (user and password in
 *     {@code PROKASH_DB_USER} / {@code PROKASH_DB_PASSWORD})
 * @param serviceProperties more Spring properties for every service (tests: tracing export, log levels)
 */
record PlatformSettings(Path repoRoot, Path workDir, int kafkaPort, int elasticsearchPort, int postgresPort,
        int ingestPort, int articlePort, int searchPort, int rankingPort, @Nullable String externalJdbcUrl,
        String serviceHeap, Map<String, String> serviceProperties) {

    static PlatformSettings local(Path repoRoot) {
        return new PlatformSettings(repoRoot, repoRoot.resolve(".prokash"), 9092, 9200, 55432, 8081, 8082, 8083,
                8084, System.getenv("PROKASH_DB_URL"), "384m", Map.of());
    }

    static PlatformSettings anyFreePorts(Path repoRoot, Path workDir) {
        return new PlatformSettings(repoRoot, workDir, 0, 0, 0, 0, 0, 0, 0, null, "384m", Map.of());
    }

    PlatformSettings withServiceProperties(Map<String, String> properties) {
        return new PlatformSettings(repoRoot, workDir, kafkaPort, elasticsearchPort, postgresPort, ingestPort,
                articlePort, searchPort, rankingPort, externalJdbcUrl, serviceHeap, Map.copyOf(properties));
    }

    /** The repository root: the nearest folder up from here holding the `prokash` script. */
    static Path findRepoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.resolve("prokash").toFile().isFile() && p.resolve("pom.xml").toFile().isFile()) {
                return p;
            }
        }
        throw new IllegalStateException("run this from inside the Prokash repository (no ./prokash above " + dir + ")");
    }
}
