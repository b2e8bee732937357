package news.prokash.search.search;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Constraints are checked by Spring MVC's method validation and type conversion: a violation is a
 * 400 problem with {@code errors}, and Elasticsearch is never asked.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    static final int MAX_QUERY_CHARS = 500;
    static final int MAX_LIMIT = 50;
    static final int MAX_SUGGEST_CHARS = 100;
    static final int MAX_FILTER_CHARS = 200;

    private final ArticleSearch search;
    private final SearchMetrics metrics;

    SearchController(ArticleSearch search, SearchMetrics metrics) {
        this.search = search;
        this.metrics = metrics;
    }

    /**
     * @param from first publication day, inclusive ({@code 2025-07-01}, Dhaka time)
     * @param to last publication day, inclusive
     * @param cursor {@code nextCursor} of the previous page, with the same parameters otherwise
     */
    @GetMapping
    SearchResult search(
            @RequestParam @NotBlank @Size(max = MAX_QUERY_CHARS, message = "must be at most 500 characters") String q,
            @RequestParam(required = false) @Nullable @Size(max = MAX_FILTER_CHARS) String section,
            @RequestParam(required = false) @Nullable @Size(max = MAX_FILTER_CHARS) String tag,
            @RequestParam(required = false) @Nullable @Size(max = MAX_FILTER_CHARS) String byline,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "relevance") SortOrder sort,
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 2000) String cursor) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), blankToNull(section), blankToNull(tag),
                blankToNull(byline), from, to, sort, limit, cursor == null ? null : Cursor.decode(cursor, sort));
        long started = System.nanoTime();
        try {
            SearchResult result = search.search(criteria);
            metrics.answered(result.total(), System.nanoTime() - started);
            return result;
        }
        catch (InvalidRequestException e) {
            throw e; // the reader's mistake, found late (e.g. a cursor from another query): not a search failure
        }
        catch (RuntimeException e) {
            metrics.failed(System.nanoTime() - started);
            throw e;
        }
    }

    /** Headlines completing what is being typed (the last word may be cut short). */
    @GetMapping("/suggest")
    Suggestions suggest(
            @RequestParam @NotBlank @Size(max = MAX_SUGGEST_CHARS, message = "must be at most 100 characters") String q,
            @RequestParam(defaultValue = "8") @Min(1) @Max(20) int limit) {
        return search.suggest(q.strip(), limit);
    }

    @GetMapping("/related/{id}")
    RelatedArticles related(@PathVariable @Size(max = MAX_FILTER_CHARS) String id,
            @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
        return search.related(id, limit);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
