package news.prokash.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.function.Consumer;

import news.prokash.harness.ChildProcesses;
import news.prokash.harness.ElasticsearchEndpoint;
import news.prokash.harness.FreePorts;
import news.prokash.harness.KafkaEndpoint;
import news.prokash.harness.PostgresEndpoint;

/**
 * The four services running as processes on top of given Kafka, Elasticsearch and PostgreSQL.
 * `./prokash run` and the end-to-end tests share this class, so the tests check what users run.
 */
final class Platform implements AutoCloseable {

    static final List<String> SERVICES = List.of("ingest-service", "article-service", "search-service",
            "ranking-service");

    // generous: four JVMs booting at once on two cores that may be busy with other work
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    // filled while starting: a Ctrl-C during start-up must stop what is already running
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final PlatformSettings settings;
    private final EditorTokens tokens;
    private volatile boolean closed;
    private volatile Servers servers;

    Platform(PlatformSettings settings) throws IOException, GeneralSecurityException {
        this.settings = settings;
        this.tokens = EditorTokens.create(settings.workDir().resolve("ingest-service"));
    }

    /** Servers the services run on. */
    record Servers(KafkaEndpoint kafka, ElasticsearchEndpoint elasticsearch, PostgresEndpoint postgres) {
    }

    static Platform start(PlatformSettings settings, Servers servers, Consumer<String> progress)
            throws IOException, InterruptedException, GeneralSecurityException {
        Platform platform = new Platform(settings);
        platform.start(servers, progress);
        return platform;
    }

    /** Starts the four services and waits until each is healthy; on failure stops them again. */
    void start(Servers servers, Consumer<String> progress) throws IOException, InterruptedException {
        this.servers = servers;
        // the Kafka given is always new (the harness's, or `run`'s started clean): Kafka Streams state of an
        // earlier run would point at offsets it does not have, and its global store thread would stop
        ChildProcesses.deleteRecursively(streamsStateDir(settings));
        int[] ports = { settings.ingestPort(), settings.articlePort(), settings.searchPort(), settings.rankingPort() };
        try {
            for (int i = 0; i < SERVICES.size() && !closed; i++) {
                String name = SERVICES.get(i);
                int port = ports[i] == 0 ? FreePorts.pick() : requireFree(name, ports[i]);
                services.add(ServiceProcess.start(name, settings.repoRoot(), settings.workDir(), port,
                        properties(name, servers, settings, tokens), settings.serviceHeap()));
            }
            // they boot in parallel; two cores make that about as fast as it gets
            for (ServiceProcess service : services) {
                long t0 = System.nanoTime();
                service.awaitReady(READY_TIMEOUT);
                progress.accept(String.format("  %-16s ready on %s (%d ms more)", service.name(), service.baseUrl(),
                        (System.nanoTime() - t0) / 1_000_000));
            }
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String url(String service) {
        return process(service).baseUrl();
    }

    Path log(String service) {
        return process(service).log();
    }

    private ServiceProcess process(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
    }

    /** SIGKILL, no shutdown hooks: what a crash or the OOM killer does (the fault tests). */
    void kill(String service) {
        process(service).kill();
    }

    /**
     * Starts a service again on its port, with the same servers (they keep their ports across a
     * restart too) and its files as the last run left them, and waits until it is ready.
     */
    void restart(String service) throws IOException, InterruptedException {
        ServiceProcess old = process(service);
        old.close();
        ServiceProcess fresh = ServiceProcess.start(service, settings.repoRoot(), settings.workDir(), old.port(),
                properties(service, servers, settings, tokens), settings.serviceHeap());
        services.set(services.indexOf(old), fresh);
        fresh.awaitReady(READY_TIMEOUT);
    }

    /** Waits until every service's health endpoint says UP. */
    void awaitReady() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
        }
    }

    /**
     * A one-shot run of a service's jar beside the running service (a profile such as search-service's
     * {@code rebuild}), in its own folder {@code <workDir>/<job>} and with its own log.
     */
    ServiceProcess startJob(String service, String job, Map<String, String> more) throws IOException {
        Map<String, String> p = properties(service, servers, settings, tokens);
        p.put("logging.file.name", settings.workDir().resolve(job).resolve(job + ".json").toString());
        p.putAll(more);
        return ServiceProcess.start(job, service, settings.repoRoot(), settings.workDir(), FreePorts.pick(), p,
                settings.serviceHeap());
    }

    /** The service's structured log: one ECS JSON object per line. */
    Path jsonLog(String service) {
        return jsonLog(settings, service);
    }

    private static Path jsonLog(PlatformSettings settings, String service) {
        return settings.workDir().resolve(service).resolve(service + ".json");
    }

    /** Tokens the local newsroom's editors use; ingest-service trusts their signing key. */
    EditorTokens tokens() {
        return tokens;
    }

    private static Map<String, String> properties(String service, Servers infra, PlatformSettings settings,
            EditorTokens tokens) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        p.put("spring.cloud.stream.kafka.binder.brokers", infra.kafka().bootstrapServers());
        switch (service) {
            case "ingest-service", "article-service" -> {
                // one PostgreSQL server; each service keeps to its own schema
                p.put("spring.datasource.url", infra.postgres().jdbcUrl());
                p.put("spring.datasource.username", infra.postgres().username());
                p.put("spring.datasource.password", infra.postgres().password());
                if (service.equals("ingest-service")) {
                    p.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                            "file:" + tokens.publicKeyPem());
                }
            }
            case "search-service" -> p.put("spring.elasticsearch.uris", infra.elasticsearch().uri());
            case "ranking-service" -> {
                p.put("spring.cloud.stream.kafka.streams.binder.brokers", infra.kafka().bootstrapServers());
                p.put("spring.cloud.stream.kafka.streams.binder.configuration.state.dir",
                        streamsStateDir(settings).toString());
            }
            default -> {
            }
        }
        // besides the plain console log, one JSON line per event with its trace id, as in docker-compose
        p.put("logging.file.name", jsonLog(settings, service).toString());
        p.put("logging.structured.format.file", "ecs");
        p.putAll(settings.serviceProperties());
        return p;
    }

    private static Path streamsStateDir(PlatformSettings settings) {
        return settings.workDir().resolve("ranking-service").resolve("kafka-streams");
    }

    static int requireFree(String what, int port) {
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is taken by another program. "
                    + "Stop it (`ss -ltnp 'sport = :" + port + "'` shows which) or an earlier platform (./prokash stop).");
        }
        return port;
    }

    /** Stops the services (gracefully, in parallel): they commit their offsets and close their stores. */
    @Override
    public void close() {
        closed = true;
        services.parallelStream().forEach(ServiceProcess::close);
    }
}
