package news.prokash.search.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

/**
 * The Elasticsearch query for a {@link UserQuery}: pure, so its shape is unit-tested.
 *
 * <ul>
 * <li>Free text: {@code multi_match} of type {@code cross_fields} over the stemmed, normalized
 * fields. Term-centric on purpose: a name like "কিম জং উন" is often split between headline and
 * body, and cross_fields applies {@code minimum_should_match} to the terms across all fields
 * (best_fields would demand them inside one field), while blending the fields' term statistics
 * so a word that is rare only in the short kicker does not dominate.</li>
 * <li>The same text as a phrase over the unnormalized {@code .exact} subfields, as a boost only:
 * the exact wording ranks above a stemmed or spelling-folded match.</li>
 * <li>Each quoted phrase: a required phrase match on the {@code .exact} subfields.</li>
 * <li>Filters (no scoring, cacheable): only published articles whose publish time has come.</li>
 * </ul>
 */
final class SearchQueries {

    static final String STATUS_PUBLISHED = "published";

    /** Headline weighs most, then the editor's summary; tags and kicker count like body words. */
    static final List<String> TEXT_FIELDS = List.of("headline^3", "summary^2", "bodyText", "tags.text", "kicker");

    /** The tags keyword itself is here so a query equal to a tag counts as an exact match. */
    static final List<String> EXACT_FIELDS =
            List.of("headline.exact^3", "summary.exact^2", "bodyText.exact", "kicker.exact", "tags^2");

    /** Up to two words all must match; from three words on, three quarters (tolerates one stray word). */
    static final String MINIMUM_SHOULD_MATCH = "2<75%";

    static final float EXACT_PHRASE_BOOST = 2f;

    private SearchQueries() {
    }

    static Query of(UserQuery query) {
        if (query.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!query.text().isEmpty()) {
            bool.must(q -> q.multiMatch(m -> m
                    .query(query.text())
                    .fields(TEXT_FIELDS)
                    .type(TextQueryType.CrossFields)
                    .minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
            bool.should(q -> q.multiMatch(m -> m
                    .query(query.text())
                    .fields(EXACT_FIELDS)
                    .type(TextQueryType.Phrase)
                    .boost(EXACT_PHRASE_BOOST)));
        }
        for (String phrase : query.phrases()) {
            bool.must(q -> q.multiMatch(m -> m.query(phrase).fields(EXACT_FIELDS).type(TextQueryType.Phrase)));
        }
        bool.filter(q -> q.term(t -> t.field("status").value(STATUS_PUBLISHED)));
        // plain "now", not rounded: a scheduled article must not show up a minute early
        bool.filter(q -> q.range(r -> r.date(d -> d.field("publishedAt").lte("now"))));
        return Query.of(q -> q.bool(bool.build()));
    }
}
