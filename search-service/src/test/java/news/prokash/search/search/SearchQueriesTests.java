package news.prokash.search.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.MultiMatchQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import org.junit.jupiter.api.Test;

class SearchQueriesTests {

    @Test
    void shouldSearchFreeTextAcrossStemmedFieldsAndBoostExactPhrase() {
        BoolQuery bool = SearchQueries.matching(SearchCriteria.of("কিম জং উন", 10)).bool();

        MultiMatchQuery main = bool.must().getFirst().multiMatch();
        assertThat(main.query()).isEqualTo("কিম জং উন");
        assertThat(main.type()).isEqualTo(TextQueryType.CrossFields);
        assertThat(main.fields()).containsExactly("headline^3", "summary^2", "bodyText", "tags.text", "kicker");
        assertThat(main.minimumShouldMatch()).isEqualTo("2<75%");

        MultiMatchQuery boost = bool.should().getFirst().multiMatch();
        assertThat(boost.type()).isEqualTo(TextQueryType.Phrase);
        assertThat(boost.fields()).allMatch(f -> f.contains(".exact") || f.startsWith("tags^"));
    }

    @Test
    void shouldRequireEachQuotedPhraseOnExactFields() {
        BoolQuery bool = SearchQueries.matching(SearchCriteria.of("\"নিঃশর্ত সমর্থন\"", 10)).bool();

        assertThat(bool.must()).singleElement().satisfies(q -> {
            assertThat(q.multiMatch().type()).isEqualTo(TextQueryType.Phrase);
            assertThat(q.multiMatch().query()).isEqualTo("নিঃশর্ত সমর্থন");
            assertThat(q.multiMatch().fields()).contains("headline.exact^3", "bodyText.exact");
        });
        assertThat(bool.should()).isEmpty();
    }

    @Test
    void shouldHighlightWordsTextPhraseAndQuotedPhrasesOnTheOneFieldOnly() {
        BoolQuery bool = SearchQueries.highlight(UserQuery.parse("কিম জং \"নিঃশর্ত সমর্থন\""), "bodyText").bool();

        assertThat(bool.should()).hasSize(3);
        assertThat(bool.should().get(0).match().query().stringValue()).isEqualTo("কিম জং");
        assertThat(bool.should().get(1).matchPhrase().query()).isEqualTo("কিম জং");
        assertThat(bool.should().get(2).matchPhrase().query()).isEqualTo("নিঃশর্ত সমর্থন");
        assertThat(bool.toString()).doesNotContain("headline").doesNotContain(".exact").doesNotContain("latin");
        assertThat(bool.filter()).isEmpty();
    }

    @Test
    void shouldOnlyFindPublishedArticlesWhosePublishTimeHasCome() {
        BoolQuery bool = SearchQueries.matching(SearchCriteria.of("বাজেট", 10)).bool();

        assertThat(bool.filter()).hasSize(2);
        assertThat(bool.filter().get(0).term().field()).isEqualTo("status");
        assertThat(bool.filter().get(0).term().value().stringValue()).isEqualTo("published");
        assertThat(bool.filter().get(1).range().date().field()).isEqualTo("publishedAt");
        assertThat(bool.filter().get(1).range().date().lte()).isEqualTo("now");
    }

    @Test
    void shouldPassSearchSyntaxOnlyAsMatchText() {
        Query query = SearchQueries.matching(SearchCriteria.of("headline:(a OR b)^5 \\\"", 10));

        // Latin letters: the Bengali fields or the sound key; either way only match text
        BoolQuery either = query.bool().must().getFirst().bool();
        assertThat(either.should().getFirst().multiMatch().query()).isEqualTo("headline:(a OR b)^5 \\");
        assertThat(either.should().get(1).match().field()).isEqualTo("latin");
        assertThat(query.toString()).doesNotContain("query_string").doesNotContain("simple_query_string");
    }

    @Test
    void shouldMatchNothingWhenNothingSearchableIsLeft() {
        assertThat(SearchQueries.matching(SearchCriteria.of("\"\"", 10)).isMatchNone()).isTrue();
    }
}
