package news.prokash.search.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a page ended: the sort values of its last hit (the last of which is the article id, the
 * tiebreaker, so no two hits share a position). Opaque to callers: base64url of a small JSON object,
 * which also names the sort order so a cursor cannot be used with another one, and carries the first
 * page's "now": relevance scores depend on it (recency), and {@code search_after} needs them unchanged.
 */
record Cursor(SortOrder sort, Instant now, List<FieldValue> after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Cursor {
        after = List.copyOf(after);
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("sort", sort.name());
        node.put("now", now.toEpochMilli());
        ArrayNode values = node.putArray("after");
        for (FieldValue value : after) {
            switch (value._kind()) {
                case Double -> values.add(value.doubleValue());
                case Long -> values.add(value.longValue());
                case String -> values.add(value.stringValue());
                default -> throw new IllegalStateException("unexpected sort value " + value);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    /** @throws InvalidRequestException on anything that is not a cursor of this sort order */
    static Cursor decode(String text, SortOrder expectedSort) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
            if (!expectedSort.name().equals(node.path("sort").asString("")) || !node.path("now").isIntegralNumber()) {
                throw invalid();
            }
            List<FieldValue> values = new ArrayList<>();
            for (JsonNode value : node.path("after")) {
                if (value.isIntegralNumber()) {
                    values.add(FieldValue.of(value.longValue()));
                }
                else if (value.isFloatingPointNumber()) {
                    values.add(FieldValue.of(value.doubleValue()));
                }
                else if (value.isString()) {
                    values.add(FieldValue.of(value.asString()));
                }
                else {
                    throw invalid();
                }
            }
            if (values.size() != SearchQueries.sort(expectedSort).size() || !values.getLast().isString()) {
                throw invalid();
            }
            return new Cursor(expectedSort, Instant.ofEpochMilli(node.path("now").longValue()), values);
        }
        catch (RuntimeException e) {
            // bad base64, not JSON, wrong shapes: all just "not a cursor"
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor", "is not a cursor of this search (take nextCursor of the previous page)");
    }
}
