package news.prokash.search.search;

import java.util.List;

/** The answer of {@code GET /api/v1/search/related/{id}}: published articles like that one, most alike first. */
record RelatedArticles(String id, List<SearchResult.Item> items) {
}
