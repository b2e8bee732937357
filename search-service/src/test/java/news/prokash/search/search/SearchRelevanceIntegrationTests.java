package news.prokash.search.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import news.prokash.contracts.Article;
import news.prokash.harness.Infrastructure;
import news.prokash.search.NewsCorpus;
import news.prokash.search.config.SearchProperties;
import news.prokash.search.latin.Transliteration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * The relevance check: a generated corpus of 400 Bengali news reports, judged queries, and the
 * service's query run against (a) an index with our mapping and analyzers and (b) the same mapping
 * with Elasticsearch's {@code standard} analyzer everywhere and no Latin sound key, the baseline.
 * Prints precision@5 and recall@20 of {@code relevance} order, and hit@1/hit@5 of Latin queries.
 * No Spring context: it only needs Elasticsearch and the query code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceIntegrationTests {

    private static final int CORPUS = 400;

    private final String ours = "relevance-ours-" + UUID.randomUUID();
    private final String baseline = "relevance-standard-" + UUID.randomUUID();
    private final List<NewsCorpus.Doc> corpus = NewsCorpus.generate(CORPUS, 6);
    private ElasticsearchClient client;
    private Rest5Client rest;

    @BeforeAll
    void loadCorpus() throws Exception {
        rest = Rest5Client.builder(URI.create(Infrastructure.elasticsearch().uri())).build();
        client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
        String definition;
        try (InputStream in = new ClassPathResource("elasticsearch/articles-v3.json").getInputStream()) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String standard = definition.replace("prokash_bengali_exact", "standard").replace("prokash_bengali", "standard");
        create(ours, definition);
        create(baseline, standard);
        load(ours, true);
        load(baseline, false);
    }

    @AfterAll
    void dropIndexes() throws Exception {
        client.indices().delete(d -> d.index(ours, baseline));
        rest.close();
    }

    @Test
    void shouldBeatTheStandardAnalyzerOnJudgedBengaliQueries() {
        Figures ourFigures = figures(ours, NewsCorpus.bengaliQueries());
        Figures baseFigures = figures(baseline, NewsCorpus.bengaliQueries());
        System.out.printf("RELEVANCE %d articles, %d queries: prokash_bengali P@5 %.3f R@20 %.3f | standard P@5 %.3f R@20 %.3f%n",
                CORPUS, NewsCorpus.bengaliQueries().size(), ourFigures.precision5(), ourFigures.recall20(),
                baseFigures.precision5(), baseFigures.recall20());

        assertThat(ourFigures.precision5()).isGreaterThan(baseFigures.precision5()).isGreaterThanOrEqualTo(0.8);
        assertThat(ourFigures.recall20()).isGreaterThan(baseFigures.recall20());
    }

    @Test
    void shouldFindBengaliArticlesFromLatinQueries() {
        List<NewsCorpus.Judged> queries = NewsCorpus.latinQueries();
        Figures latin = figures(ours, queries);
        Figures base = figures(baseline, queries);
        System.out.printf("LATIN %d queries: hit@1 %.3f hit@5 %.3f P@5 %.3f | standard hit@1 %.3f hit@5 %.3f%n",
                queries.size(), latin.hit1(), latin.hit5(), latin.precision5(), base.hit1(), base.hit5());

        assertThat(latin.hit5()).isGreaterThanOrEqualTo(0.8);
    }

    record Figures(double precision5, double recall20, double hit1, double hit5) {
    }

    private Figures figures(String index, List<NewsCorpus.Judged> queries) {
        ArticleSearch search = new ArticleSearch(client, properties(index));
        double p5 = 0;
        double r20 = 0;
        double hit1 = 0;
        double hit5 = 0;
        for (NewsCorpus.Judged judged : queries) {
            Set<String> relevant = corpus.stream().filter(judged.relevant()).map(d -> d.article().id()).collect(Collectors.toSet());
            List<String> top = search.search(SearchCriteria.of(judged.query(), 20)).items().stream()
                    .map(SearchResult.Item::id).toList();
            long in5 = top.stream().limit(5).filter(relevant::contains).count();
            long in20 = top.stream().filter(relevant::contains).count();
            p5 += in5 / 5.0;
            // recall of the first 20, capped: a query with 40 relevant articles can at most show 20 of them
            r20 += (double) in20 / Math.min(20, relevant.size());
            hit1 += !top.isEmpty() && relevant.contains(top.getFirst()) ? 1 : 0;
            hit5 += in5 > 0 ? 1 : 0;
        }
        int n = queries.size();
        return new Figures(p5 / n, r20 / n, hit1 / n, hit5 / n);
    }

    private void create(String index, String definition) throws Exception {
        client.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
    }

    private void load(String index, boolean withLatin) throws Exception {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
        for (NewsCorpus.Doc doc : corpus) {
            Map<String, Object> source = source(doc.article(), withLatin);
            bulk.operations(op -> op.index(i -> i.id(doc.article().id()).document(source)));
        }
        var response = client.bulk(bulk.build());
        assertThat(response.errors()).isFalse();
    }

    static Map<String, Object> source(Article a, boolean withLatin) {
        Map<String, Object> source = new HashMap<>();
        source.put("id", a.id());
        source.put("version", a.version());
        source.put("status", "published");
        source.put("headline", a.headline());
        source.put("summary", a.summary());
        source.put("bodyText", a.bodyText());
        source.put("section", a.section());
        source.put("tags", a.tags());
        source.put("byline", a.byline());
        source.put("publishedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.publishedAt()));
        source.put("url", a.url());
        if (withLatin) {
            source.put("latin", Transliteration.key(a.headline() + " " + String.join(" ", a.tags()) + " " + a.summary()));
        }
        return source;
    }

    private static SearchProperties properties(String index) {
        return new SearchProperties(new SearchProperties.Index(index, index, new ByteArrayResource(new byte[0]), 1, 0),
                new SearchProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }
}
