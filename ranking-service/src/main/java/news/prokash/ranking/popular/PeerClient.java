package news.prokash.ranking.popular;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import news.prokash.ranking.config.RankingProperties;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Asks another instance (its {@code application.server}) for its part of a list. */
@Component
class PeerClient {

    private final HttpClient http;

    private final JsonMapper json;

    private final Duration timeout;

    PeerClient(JsonMapper json, RankingProperties properties) {
        this.json = json;
        this.timeout = properties.peerTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws PeerUnavailableException for anything but a readable 200: the merge then retries */
    Partial partial(HostInfo peer, ListKind kind, Instant at) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + PartialController.PATH + "/" + kind.name()
                + "?at=" + at.toEpochMilli());
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new PeerUnavailableException(peer + " answered " + answer.statusCode(), null);
            }
            return json.readValue(answer.body(), Partial.class);
        }
        catch (IOException | JacksonException e) {
            throw new PeerUnavailableException(peer + " did not answer", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted", e);
        }
    }

    static final class PeerUnavailableException extends RuntimeException {

        PeerUnavailableException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
