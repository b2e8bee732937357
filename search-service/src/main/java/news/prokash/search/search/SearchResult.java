package news.prokash.search.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/v1/search}, in the requested order.
 *
 * @param query what the reader typed, as given
 * @param total matching published articles (exact up to 10,000, Elasticsearch's default)
 * @param facets counts per section and per tag over all matches, not only this page
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
record SearchResult(String query, long total, List<Item> items, Facets facets,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor) {

    SearchResult(String query, long total, List<Item> items) {
        this(query, total, items, Facets.NONE, null);
    }

    /**
     * @param headlineHighlighted the headline, HTML-escaped, matches in {@code <mark>}
     * @param snippet about 160 characters of the body around the best match, escaped the same way
     */
    record Item(
            String id,
            String headline,
            String headlineHighlighted,
            String section,
            String publishedAt,
            String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LeadImage leadImage,
            String snippet) {
    }

    /** The most frequent sections and tags among the matches, most frequent first. */
    record Facets(List<Count> section, List<Count> tag) {

        static final Facets NONE = new Facets(List.of(), List.of());
    }

    record Count(String value, long count) {
    }
}
