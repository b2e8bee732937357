package news.prokash.search.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import news.prokash.search.ElasticsearchDown;
import org.junit.jupiter.api.Test;

class ArticleSearchTests {

    @Test
    void shouldReportUnavailableWhenElasticsearchIsUnreachable() throws Exception {
        try (ElasticsearchClient client = ElasticsearchDown.client()) {
            ArticleSearch search = new ArticleSearch(client, ElasticsearchDown.properties());

            assertThatThrownBy(() -> search.search(SearchCriteria.of("রাশিয়া", 10))).isInstanceOf(SearchUnavailableException.class);
        }
    }
}
