package news.prokash.search.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    static final int MAX_QUERY_CHARS = 500;
    static final int MAX_LIMIT = 50;

    private final ArticleSearch search;

    SearchController(ArticleSearch search) {
        this.search = search;
    }

    /** Constraints are checked by Spring MVC's method validation: a violation is a 400 problem with {@code errors}. */
    @GetMapping
    SearchResult search(
            @RequestParam @NotBlank @Size(max = MAX_QUERY_CHARS, message = "must be at most 500 characters") String q,
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit) {
        return search.search(q, limit);
    }
}
