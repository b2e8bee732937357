package news.prokash.search.search;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * One search request, validated: what to find, which filters, in which order, from where.
 *
 * @param from first day of publication, inclusive, in Dhaka time
 * @param to last day of publication, inclusive, in Dhaka time
 * @param cursor where the previous page ended; null for the first page
 */
record SearchCriteria(
        UserQuery query,
        @Nullable String section,
        @Nullable String tag,
        @Nullable String byline,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        SortOrder sort,
        int limit,
        @Nullable Cursor cursor) {

    /** The newsroom's day: a reader's "12 July" is the day in Dhaka. */
    static final ZoneId NEWSROOM_ZONE = ZoneId.of("Asia/Dhaka");

    static SearchCriteria of(String q, int limit) {
        return new SearchCriteria(UserQuery.parse(q), null, null, null, null, null, SortOrder.relevance, limit, null);
    }
}
