package news.prokash.search.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import news.prokash.search.latin.Transliteration;

/**
 * The Elasticsearch queries of the search API: pure, so their shape is unit-tested.
 *
 * <ul>
 * <li>Free text: {@code multi_match} of type {@code cross_fields} over the stemmed, normalized
 * fields. Term-centric on purpose: a name like "কিম জং উন" is often split between headline and
 * body, and cross_fields applies {@code minimum_should_match} to the terms across all fields
 * (best_fields would demand them inside one field), while blending the fields' term statistics
 * so a word that is rare only in the short kicker does not dominate.</li>
 * <li>If the text has Latin letters, its {@link Transliteration#key sound key} against the
 * {@code latin} field (fuzzy) is an alternative: "rashia" finds রাশিয়া.</li>
 * <li>The same text as a phrase over the unnormalized {@code .exact} subfields, as a boost only:
 * the exact wording ranks above a stemmed or spelling-folded match.</li>
 * <li>Each quoted phrase: a required phrase match on the {@code .exact} subfields.</li>
 * <li>Filters (no scoring, cacheable): only published articles whose publish time has come, and
 * the reader's section, tag, byline and date range.</li>
 * <li>{@code relevance} order multiplies the text score by a {@link #recency recency factor}.</li>
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

    /** Recency: full bonus within a day, half of it at {@value} past that, next to none after twice that. */
    static final String RECENCY_SCALE = "30d";

    private SearchQueries() {
    }

    /** @param now the recency origin: fixed for all pages of one search, so scores and cursors agree */
    static Query of(SearchCriteria criteria, Instant now) {
        Query matching = matching(criteria);
        if (criteria.sort() == SortOrder.newest || matching.isMatchNone()) {
            return matching;
        }
        return recency(matching, now.toString());
    }

    /**
     * Multiplies the text score by 1 + gauss(age): up to twice the score for today's news, 1.5 for a
     * month-old article, about 1 beyond two months. A multiplier rather than an added term, so it is
     * independent of how large BM25 scores happen to be; the floor of 1 keeps an old article that
     * matches much better above a fresh one that barely matches. Decay functions read
     * {@code publishedAt} from doc values: no script (this Elasticsearch has no painless).
     */
    static Query recency(Query matching, String origin) {
        return Query.of(q -> q.functionScore(fs -> fs
                .query(matching)
                .functions(f -> f.gauss(g -> g.date(d -> d.field("publishedAt").placement(p -> p
                        .origin(origin)
                        .offset(Time.of(t -> t.time("1d")))
                        .scale(Time.of(t -> t.time(RECENCY_SCALE)))
                        .decay(0.5)))))
                .functions(f -> f.weight(1.0))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    static Query matching(SearchCriteria criteria) {
        UserQuery query = criteria.query();
        if (query.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!query.text().isEmpty()) {
            Query bengali = Query.of(q -> q.multiMatch(m -> m
                    .query(query.text())
                    .fields(TEXT_FIELDS)
                    .type(TextQueryType.CrossFields)
                    .minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
            String key = Transliteration.hasLatinLetters(query.text()) ? Transliteration.key(query.text()) : "";
            if (key.isEmpty()) {
                bool.must(bengali);
            }
            else {
                bool.must(q -> q.bool(b -> b.should(bengali).should(latin(key)).minimumShouldMatch("1")));
            }
            bool.should(q -> q.multiMatch(m -> m
                    .query(query.text())
                    .fields(EXACT_FIELDS)
                    .type(TextQueryType.Phrase)
                    .boost(EXACT_PHRASE_BOOST)));
        }
        for (String phrase : query.phrases()) {
            bool.must(q -> q.multiMatch(m -> m.query(phrase).fields(EXACT_FIELDS).type(TextQueryType.Phrase)));
        }
        bool.filter(publishedFilters());
        if (criteria.section() != null) {
            bool.filter(q -> q.term(t -> t.field("section").value(criteria.section())));
        }
        if (criteria.tag() != null) {
            bool.filter(q -> q.term(t -> t.field("tags").value(criteria.tag())));
        }
        if (criteria.byline() != null) {
            bool.filter(q -> q.term(t -> t.field("byline").value(criteria.byline())));
        }
        if (criteria.from() != null || criteria.to() != null) {
            bool.filter(q -> q.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (criteria.from() != null) {
                    d.gte(startOf(criteria.from()));
                }
                if (criteria.to() != null) {
                    d.lt(startOf(criteria.to().plusDays(1)));
                }
                return d;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * What the highlighter marks in one field: the reader's words, the whole text as a phrase (so
     * "কিম জং উন" is marked as one span) and each quoted phrase, all on that field alone. Far cheaper
     * than highlighting with the search query, which made the highlighter weigh every clause of it
     * (five fields, phrases on the {@code .exact} subfields, the Latin key, filters, recency) per hit
     * and field: that was most of the search's Elasticsearch time. The main field's analyzer stems
     * and folds like the search, so everything the search matched on words is marked.
     */
    static Query highlight(UserQuery query, String field) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!query.text().isEmpty()) {
            bool.should(q -> q.match(m -> m.field(field).query(query.text())))
                    .should(q -> q.matchPhrase(m -> m.field(field).query(query.text())));
        }
        for (String phrase : query.phrases()) {
            bool.should(q -> q.matchPhrase(m -> m.field(field).query(phrase)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Latin letters: every word's sound key, each within an edit or two (AUTO), most of them required. */
    static Query latin(String key) {
        return Query.of(q -> q.match(m -> m
                .field("latin")
                .query(key)
                .fuzziness("AUTO")
                .prefixLength(1)
                .minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
    }

    /** Published, and its publish time has come (plain "now", not rounded: a scheduled article must not show early). */
    static List<Query> publishedFilters() {
        return List.of(Query.of(q -> q.term(t -> t.field("status").value(STATUS_PUBLISHED))),
                Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").lte("now")))));
    }

    private static String startOf(LocalDate day) {
        return day.atStartOfDay(SearchCriteria.NEWSROOM_ZONE).toOffsetDateTime().toString();
    }

    /** Sort keys; the article id last, as the tiebreaker that makes {@code search_after} exact. */
    static List<SortOptions> sort(SortOrder order) {
        List<SortOptions> sort = new ArrayList<>();
        if (order == SortOrder.relevance) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc))));
        return sort;
    }

    /**
     * Headline completion: every typed word in order, the last one as a prefix, on the unstemmed
     * {@code headline.exact} (a prefix of a word is not a prefix of its stem); the words in any order
     * as a weaker alternative; and for Latin letters, the sound key with the last word as a prefix.
     */
    static Query suggest(String text) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .should(q -> q.matchPhrasePrefix(m -> m.field("headline.exact").query(text).boost(2f)))
                .should(q -> q.matchBoolPrefix(m -> m.field("headline.exact").query(text).operator(Operator.And)));
        if (Transliteration.hasLatinLetters(text)) {
            String key = Transliteration.key(text);
            if (!key.isEmpty()) {
                bool.should(q -> q.matchBoolPrefix(m -> m.field("latin").query(key).operator(Operator.And)
                        .fuzziness("AUTO").prefixLength(1)));
            }
        }
        bool.minimumShouldMatch("1").filter(publishedFilters());
        return recency(Query.of(q -> q.bool(bool.build())), "now");
    }

    /** Articles like this one, by the distinctive words of its text; never itself. */
    static Query related(String index, String id) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .must(q -> q.moreLikeThis(m -> m
                        .fields("headline", "summary", "bodyText", "tags.text")
                        .like(l -> l.document(d -> d.index(index).id(id)))
                        .minTermFreq(1)
                        .minDocFreq(1)
                        .maxQueryTerms(25)
                        // short news texts share few distinctive words: a few in common is already related
                        .minimumShouldMatch("10%")))
                .filter(publishedFilters());
        return recency(Query.of(q -> q.bool(bool.build())), "now");
    }
}
