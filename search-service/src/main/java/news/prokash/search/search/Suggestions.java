package news.prokash.search.search;

import java.util.List;

/** The answer of {@code GET /api/v1/search/suggest}: headlines completing what was typed, best first. */
record Suggestions(String query, List<Suggestion> items) {

    record Suggestion(String id, String headline, String section, String url) {
    }
}
