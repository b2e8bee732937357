package news.prokash.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** The load generator's client against the JDK's HTTP server: sized and chunked answers, reuse, closing. */
class KeepAliveHttpTests {

    private HttpServer server;

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private KeepAliveHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sized", exchange -> answer(exchange, 200, "সংবাদ " + exchange.getRequestURI().getQuery(), false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, "x".repeat(100_000), true));
        server.createContext("/echo", exchange -> answer(exchange, 201,
                exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), false));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 503, "bye", false);
        });
        server.start();
        http = new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 5_000);
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldReadSizedAndChunkedAnswersOverOneConnection() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(http.exchange("GET", "/sized?n=" + i, List.of(), null))
                    .isEqualTo(new KeepAliveHttp.Answer(200, "সংবাদ n=" + i));
            KeepAliveHttp.Answer chunked = http.exchange("GET", "/chunked", List.of(), null);
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.body()).hasSize(100_000).matches("x+");
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void shouldSendMethodHeadersAndBody() throws IOException {
        assertThat(http.exchange("POST", "/echo", List.of("Authorization: Bearer abc", "Content-Type: application/json"),
                "{\"a\":\"ক\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new KeepAliveHttp.Answer(201, "POST Bearer abc {\"a\":\"ক\"}"));
    }

    @Test
    void shouldOpenANewConnectionAfterTheServerSaidClose() throws IOException {
        assertThat(http.exchange("GET", "/closing", List.of(), null)).isEqualTo(new KeepAliveHttp.Answer(503, "bye"));
        assertThat(http.exchange("GET", "/sized?n=1", List.of(), null).status()).isEqualTo(200);
        assertThat(clientPorts).hasSize(2);
    }

    @Test
    void shouldReplaceAConnectionIdleLongerThanASecond() throws Exception {
        assertThat(http.exchange("GET", "/sized?n=1", List.of(), null).status()).isEqualTo(200);
        assertThat(http.exchange("GET", "/sized?n=2", List.of(), null).status()).isEqualTo(200);
        assertThat(clientPorts).hasSize(1);
        Thread.sleep(1_100);
        assertThat(http.exchange("GET", "/sized?n=3", List.of(), null).status()).isEqualTo(200);
        assertThat(clientPorts).hasSize(2);
    }

    @Test
    void shouldFailOnAClosedServerAndRecoverWhenItIsBack() throws IOException {
        assertThat(http.exchange("GET", "/sized?n=1", List.of(), null).status()).isEqualTo(200);
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThatIOException()
                .isThrownBy(() -> http.exchange("GET", "/sized?n=2", List.of(), null));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/sized", exchange -> answer(exchange, 200, "back", false));
        server.start();
        assertThat(http.exchange("GET", "/sized?n=3", List.of(), null)).isEqualTo(new KeepAliveHttp.Answer(200, "back"));
    }
}
