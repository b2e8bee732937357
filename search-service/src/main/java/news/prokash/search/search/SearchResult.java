package news.prokash.search.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/v1/search}, best match first.
 *
 * @param query what the reader typed, as given
 * @param total matching published articles (exact up to 10,000, Elasticsearch's default)
 */
record SearchResult(String query, long total, List<Item> items) {

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
}
