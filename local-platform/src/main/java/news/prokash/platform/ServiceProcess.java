package news.prokash.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import news.prokash.harness.ChildProcesses;

/**
 * One Prokash service running from its Boot jar as a child process, the way it runs in production:
 * configuration on the command line, logs to a file, ready when its health endpoint says UP.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * JVM options by module, beside the heap. ranking-service answers the popular list beside every page:
     * with G1 its young pauses (5–20 ms, about one a second) were its p99 at 2,000 requests/s (20 ms); with
     * ZGC, whose pauses stay under a millisecond, it was 10 ms (ranking-service README). ZGC uses more of
     * the heap before it collects, so the process is larger (778 MB against 392 MB, same 512 MB heap limit).
     */
    private static final Map<String, List<String>> JVM_OPTIONS = Map.of("ranking-service", List.of("-XX:+UseZGC"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ServiceProcess(String name, int port, Process process, Path log, Path pidFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /** Starts {@code <repo>/<name>/target/<name>.jar}; does not wait for it to be ready. */
    static ServiceProcess start(String name, Path repoRoot, Path workDir, int port, Map<String, String> properties,
            String heap) throws IOException {
        return start(name, name, repoRoot, workDir, port, properties, heap);
    }

    /** The same for a run of module {@code module}'s jar under another name (its folder, log and pid file). */
    static ServiceProcess start(String name, String module, Path repoRoot, Path workDir, int port,
            Map<String, String> properties, String heap) throws IOException {
        Path jar = repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./prokash build");
        }
        Path dir = Files.createDirectories(workDir.resolve(name));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path pidFile = dir.resolve(name + ".pid");
        ChildProcesses.killLeftover(name, pidFile, commandLine -> commandLine.contains(module + ".jar"));

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:-UsePerfData"); // no hsperfdata files in the system temp dir
        command.addAll(JVM_OPTIONS.getOrDefault(module, List.of()));
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));

        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ServiceProcess(name, port, process, log, pidFile);
    }

    /** Stops a service a crashed earlier run left holding its port (only if it really is that service). */
    static void killLeftover(String name, Path pidFile) {
        ChildProcesses.killLeftover(name, pidFile, commandLine -> commandLine.contains(name + ".jar"));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the end of the log otherwise. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(baseUrl() + "/actuator/health");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy on port " + port + " after " + timeout.toSeconds()
                + " s. Last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
    }

    /** SIGKILL, and waits until the process is gone (its port is free again). */
    void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a one-shot run to end; its exit code, or empty if it still runs after the timeout. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** SIGTERM first so Boot shuts down gracefully (in-flight requests, consumer offsets), then SIGKILL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        }
        catch (IOException ignored) {
            // a leftover pid file is handled by the next start
        }
    }
}
