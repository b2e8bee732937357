package news.prokash.contracts;

/**
 * Kafka topic names. Keys are the article id on both topics, so that all changes (and all
 * views) of one article land on one partition, in order.
 */
public final class Topics {

    /** Every article change; compacted, so replaying it from the start rebuilds any read model. */
    public static final String ARTICLES = "prokash.articles.v1";

    /** Reader views; time-retained, not compacted. */
    public static final String VIEWS = "prokash.views.v1";

    /** Partitions of both topics; they must match, Kafka Streams joins them by article id. */
    public static final int PARTITIONS = 6;

    /**
     * Where one consumer group parks events it cannot read or apply (reason in the headers).
     * One dead-letter topic per group, so that a bad event in search does not look like one in storage.
     */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlt";
    }

    private Topics() {
    }
}
