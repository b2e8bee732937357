package news.prokash.search.search;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
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

/** Runs readers' searches, suggestions and related-article lookups against the alias and shapes the answers. */
@Service
class ArticleSearch {

    static final int SNIPPET_CHARS = 160;

    static final int FACET_SIZE = 20;

    /**
     * Headline whole, one body fragment. HTML encoder: the text around the marks is escaped, so a
     * snippet can be inserted into a page as is. Each field has its own highlight query
     * ({@link SearchQueries#highlight}).
     */
    private static Highlight highlight(UserQuery query) {
        return Highlight.of(h -> h
                .encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .fields(
                        NamedValue.of("headline", HighlightField.of(f -> f
                                .highlightQuery(SearchQueries.highlight(query, "headline"))
                                .numberOfFragments(0))),
                        NamedValue.of("bodyText", HighlightField.of(f -> f
                                .highlightQuery(SearchQueries.highlight(query, "bodyText"))
                                .fragmentSize(SNIPPET_CHARS)
                                .numberOfFragments(1)
                                // a match only in headline or tags still gets the start of the body
                                .noMatchSize(SNIPPET_CHARS)))));
    }

    private final ElasticsearchClient client;
    private final String alias;

    ArticleSearch(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.alias = properties.index().alias();
    }

    /** The request {@link #search} sends: also what a benchmark sends straight to Elasticsearch. */
    SearchRequest request(SearchCriteria criteria) {
        return request(criteria, recencyOrigin(criteria));
    }

    /** The first page fixes "now" for recency; later pages take it from the cursor, so scores do not drift. */
    private static Instant recencyOrigin(SearchCriteria criteria) {
        return criteria.cursor() != null ? criteria.cursor().now() : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private SearchRequest request(SearchCriteria criteria, Instant now) {
        return SearchRequest.of(s -> {
            s.index(alias)
                    .query(SearchQueries.of(criteria, now))
                    .sort(SearchQueries.sort(criteria.sort()))
                    // one more than asked: tells whether there is a next page without counting
                    .size(criteria.limit() + 1)
                    .source(src -> src.filter(f -> f.includes(ArticleHit.FIELDS)))
                    .highlight(highlight(criteria.query()));
            if (criteria.cursor() != null) {
                s.searchAfter(criteria.cursor().after());
            }
            else {
                // facets on the first page only: later pages keep the first page's
                s.aggregations("section", a -> a.terms(t -> t.field("section").size(FACET_SIZE)))
                        .aggregations("tag", a -> a.terms(t -> t.field("tags").size(FACET_SIZE)));
            }
            return s;
        });
    }

    SearchResult search(SearchCriteria criteria) {
        Instant now = recencyOrigin(criteria);
        SearchResponse<ArticleHit> response = call(() -> client.search(request(criteria, now), ArticleHit.class));
        List<Hit<ArticleHit>> hits = response.hits().hits();
        long total = response.hits().total() != null ? response.hits().total().value() : hits.size();
        List<Hit<ArticleHit>> page = hits.size() > criteria.limit() ? hits.subList(0, criteria.limit()) : hits;
        List<SearchResult.Item> items = page.stream().filter(hit -> hit.source() != null).map(ArticleSearch::item).toList();
        String next = hits.size() > criteria.limit() ? new Cursor(criteria.sort(), now, page.getLast().sort()).encode() : null;
        return new SearchResult(criteria.query().raw(), total, items, facets(response.aggregations()), next);
    }

    Suggestions suggest(String text, int limit) {
        SearchResponse<ArticleHit> response = call(() -> client.search(s -> s
                .index(alias)
                .query(SearchQueries.suggest(text))
                .size(limit)
                .source(src -> src.filter(f -> f.includes(ArticleHit.FIELDS))), ArticleHit.class));
        return new Suggestions(text, response.hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(Hit::source)
                .map(a -> new Suggestions.Suggestion(a.id(), a.headline(), a.section(), a.url()))
                .toList());
    }

    RelatedArticles related(String id, int limit) {
        @SuppressWarnings("rawtypes")
        GetResponse<Map> article = call(() -> client.get(g -> g.index(alias).id(id).sourceIncludes("status"), Map.class));
        if (!article.found() || article.source() == null
                || !SearchQueries.STATUS_PUBLISHED.equals(article.source().get("status"))) {
            throw new ArticleNotFoundException();
        }
        SearchResponse<ArticleHit> response = call(() -> client.search(s -> s
                .index(alias)
                .query(SearchQueries.related(article.index(), id))
                .size(limit)
                .source(src -> src.filter(f -> f.includes(ArticleHit.FIELDS))), ArticleHit.class));
        return new RelatedArticles(id, response.hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(ArticleSearch::item)
                .toList());
    }

    private static SearchResult.Facets facets(Map<String, Aggregate> aggregations) {
        if (aggregations == null || aggregations.isEmpty()) {
            return SearchResult.Facets.NONE;
        }
        return new SearchResult.Facets(counts(aggregations.get("section")), counts(aggregations.get("tag")));
    }

    private static List<SearchResult.Count> counts(@Nullable Aggregate aggregate) {
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new SearchResult.Count(b.key().stringValue(), b.docCount()))
                .toList();
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

    private interface ElasticsearchCall<T> {
        T call() throws IOException;
    }

    private static <T> T call(ElasticsearchCall<T> call) {
        try {
            return call.call();
        }
        catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
        catch (ElasticsearchException e) {
            // overloaded, no shard available, or the index not created yet: all "try again later"
            if (e.status() >= 500 || e.status() == 429 || "index_not_found_exception".equals(e.error().type())) {
                throw new SearchUnavailableException(e);
            }
            if (e.status() == 400) {
                // e.g. a query expanding to too many clauses: the reader's text, not our failure
                throw new InvalidRequestException("q", "cannot be searched; try fewer or shorter words");
            }
            throw e;
        }
    }
}
