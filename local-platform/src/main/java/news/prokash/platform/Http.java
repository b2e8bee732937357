package news.prokash.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for loading demo content and for the end-to-end tests. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Http() {
    }

    static Answer get(String url) {
        return get(url, Map.of());
    }

    static Answer get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    static Answer postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A call of the editors' API, which wants a bearer token. */
    static Answer postJson(String url, String bearerToken, String json) {
        return postJson(url, bearerToken, json, Map.of());
    }

    /** The same with more headers (a W3C traceparent, an Idempotency-Key). */
    static Answer postJson(String url, String bearerToken, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** Any method; GET and DELETE go without a body. A null token sends no Authorization header. */
    static Answer send(String method, String url, @Nullable String bearerToken, String contentType, String body) {
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                withBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", contentType);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
