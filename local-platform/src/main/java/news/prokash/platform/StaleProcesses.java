package news.prokash.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * After a crash (kill -9 of the launcher) its children live on and hold their ports. Their pid files
 * let the next run find and stop them, but only processes that are really ours: pids get reused.
 */
final class StaleProcesses {

    private StaleProcesses() {
    }

    static void killIfOurs(Path pidFile, String commandLineMarker) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of);
        stale.filter(p -> p.info().commandLine().map(c -> c.contains(commandLineMarker)).orElse(false))
                .ifPresent(p -> {
                    System.out.println("  stopping a leftover process from an earlier run (pid " + p.pid() + ")");
                    p.destroy();
                    try {
                        p.onExit().get(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                    catch (Exception notGone) {
                        p.destroyForcibly();
                    }
                });
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
