package news.prokash.search.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import news.prokash.search.config.SearchProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/** Runs a reader's query against the alias and shapes the hits into result items. */
@Service
class ArticleSearch {

    static final int SNIPPET_CHARS = 160;

    /**
     * HTML encoder: the text around the marks is escaped, so a snippet can be inserted into a page
     * as is. The {@code .exact} subfields are matched fields, so a phrase matched there is marked
     * in the main field's text too.
     */
    private static final Highlight HIGHLIGHT = Highlight.of(h -> h
            .encoder(HighlighterEncoder.Html)
            .preTags("<mark>")
            .postTags("</mark>")
            .fields(
                    NamedValue.of("headline", HighlightField.of(f -> f
                            .matchedFields("headline", "headline.exact")
                            .numberOfFragments(0))),
                    NamedValue.of("bodyText", HighlightField.of(f -> f
                            .matchedFields("bodyText", "bodyText.exact")
                            .fragmentSize(SNIPPET_CHARS)
                            .numberOfFragments(1)
                            // a match only in headline or tags still gets the start of the body
                            .noMatchSize(SNIPPET_CHARS)))));

    private final ElasticsearchClient client;
    private final String alias;

    ArticleSearch(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.alias = properties.index().alias();
    }

    SearchResult search(String rawQuery, int limit) {
        UserQuery query = UserQuery.parse(rawQuery);
        SearchResponse<ArticleHit> response;
        try {
            response = client.search(s -> s
                    .index(alias)
                    .query(SearchQueries.of(query))
                    .size(limit)
                    .source(src -> src.filter(f -> f.includes(ArticleHit.FIELDS)))
                    .highlight(HIGHLIGHT), ArticleHit.class);
        }
        catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        catch (ElasticsearchException e) {
            // overloaded, no shard available, or the index not created yet: all "try again later"
            if (e.status() >= 500 || e.status() == 429 || "index_not_found_exception".equals(e.error().type())) {
                throw new SearchUnavailableException(e);
            }
            throw e;
        }
        long total = response.hits().total() != null ? response.hits().total().value() : response.hits().hits().size();
        List<SearchResult.Item> items = response.hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(ArticleSearch::item)
                .toList();
        return new SearchResult(rawQuery, total, items);
    }

    private static SearchResult.Item item(Hit<ArticleHit> hit) {
        ArticleHit article = hit.source();
        Map<String, List<String>> highlights = hit.highlight();
        String headline = first(highlights.get("headline"));
        String snippet = first(highlights.get("bodyText"));
        return new SearchResult.Item(article.id(), article.headline(),
                headline != null ? headline : HtmlUtils.htmlEscape(article.headline()),
                article.section(), article.publishedAt(), article.url(), article.leadImage(),
                snippet != null ? snippet : HtmlUtils.htmlEscape(article.summary() != null ? article.summary() : ""));
    }

    private static @Nullable String first(@Nullable List<String> fragments) {
        return fragments == null || fragments.isEmpty() ? null : fragments.getFirst();
    }
}
