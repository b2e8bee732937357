package news.prokash.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of every service × every kind of caller, and the answer each must get. Endpoints
 * come from each service's OpenAPI description where it serves one (so a new endpoint cannot be
 * forgotten here), plus the operations endpoints and the APIs of the services without one.
 *
 * <p>As designed: ingest-service's API needs a valid token (no token, an expired or a forged one:
 * 401), deleting needs {@code admin} (an editor gets 403); an invalid token is refused on ingest
 * wherever it is presented. The read APIs and view intake of the other services are open to internal
 * callers, whatever they send. No answer is a 500.
 */
final class AuthorizationMatrix {

    enum Caller { NO_TOKEN, EXPIRED, FORGED, EDITOR, ADMIN }

    record Endpoint(String service, String baseUrl, String method, String path) {

        boolean ingestApi() {
            return service.equals("ingest-service") && path.startsWith("/api/");
        }
    }

    /** What the matrix found wrong, one line per cell; empty when every answer is as designed. */
    record Cell(Endpoint endpoint, Caller caller, int status) {

        String expectation() {
            boolean invalidToken = caller == Caller.EXPIRED || caller == Caller.FORGED;
            if (status == 500) {
                return "no 500";
            }
            if (endpoint.service().equals("ingest-service")) {
                if (invalidToken || (caller == Caller.NO_TOKEN && endpoint.ingestApi())) {
                    return status == 401 ? null : "401";
                }
                if (caller == Caller.EDITOR && endpoint.ingestApi() && endpoint.method().equals("DELETE")) {
                    return status == 403 ? null : "403";
                }
            }
            return status == 401 || status == 403 ? "neither 401 nor 403" : null;
        }
    }

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private AuthorizationMatrix() {
    }

    static List<Endpoint> endpoints(Map<String, String> baseUrls) {
        List<Endpoint> endpoints = new ArrayList<>();
        baseUrls.forEach((service, url) -> {
            for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
                    "/actuator/prometheus")) {
                endpoints.add(new Endpoint(service, url, "GET", path));
            }
        });
        for (String service : List.of("ingest-service", "article-service")) {
            String url = baseUrls.get(service);
            endpoints.add(new Endpoint(service, url, "GET", "/v3/api-docs"));
            JsonNode paths = Http.get(url + "/v3/api-docs").json().get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        continue; // path-level keys such as "parameters"
                    }
                    endpoints.add(new Endpoint(service, url, method.toUpperCase(Locale.ROOT), concrete(path)));
                }
            }
        }
        String search = baseUrls.get("search-service");
        for (String path : List.of("/api/v1/search?q=x", "/api/v1/search/suggest?q=x", "/api/v1/search/related/{id}")) {
            endpoints.add(new Endpoint("search-service", search, "GET", concrete(path)));
        }
        String ranking = baseUrls.get("ranking-service");
        endpoints.add(new Endpoint("ranking-service", ranking, "GET", "/api/v1/popular"));
        endpoints.add(new Endpoint("ranking-service", ranking, "GET", "/api/v1/trending"));
        endpoints.add(new Endpoint("ranking-service", ranking, "POST", "/api/v1/views"));
        endpoints.add(new Endpoint("ranking-service", ranking, "POST", "/api/v1/views/batch"));
        return endpoints;
    }

    /** Path variables filled with values that name nothing, so no call changes data. */
    private static String concrete(String path) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = switch (variable.group(1)) {
                case "version" -> "1";
                case "section" -> "national";
                default -> UUID.randomUUID().toString();
            };
            variable.appendReplacement(out, value);
        }
        return variable.appendTail(out).toString();
    }

    static Cell call(Endpoint endpoint, Caller caller, Map<Caller, String> tokens) {
        String token = tokens.get(caller);
        Http.Answer answer = Http.send(endpoint.method(), endpoint.baseUrl() + endpoint.path(), token,
                endpoint.path().endsWith("/bulk") ? "application/x-ndjson" : "application/json", "{}");
        return new Cell(endpoint, caller, answer.status());
    }
}
