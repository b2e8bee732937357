package news.prokash.search.search;

/** {@code sort=}: the names are the query parameter's values. */
enum SortOrder {
    /** best match first, recent news favoured (see {@link SearchQueries#recency}) */
    relevance,
    /** latest published first */
    newest
}
