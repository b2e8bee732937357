package news.prokash.ranking.popular;

/**
 * What the topology did with each view it read. The topology stays a pure function of the builder:
 * Spring passes Micrometer counters, tests pass a recorder.
 */
public interface ViewMetrics {

    void record(Outcome outcome);

    enum Outcome {
        /** counted in the hourly store of a known article */
        COUNTED,
        /** counted, but kept apart: this instance's catalog did not know the article */
        UNKNOWN_ARTICLE,
        /** the same visitor viewed the same article within the dedup period */
        DUPLICATE,
        BOT,
        /** later than the grace behind the newest view seen */
        LATE,
        /** further in the future than the clock skew allows */
        FUTURE,
        /** unreadable (not a view, or keyed by another article): sent to the dead-letter topic */
        DEAD_LETTERED
    }

    ViewMetrics NONE = outcome -> {
    };
}
