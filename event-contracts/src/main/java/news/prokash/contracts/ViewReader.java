package news.prokash.contracts;

/**
 * Decodes views one after another, as a consumer of the views topic does: the same results and
 * errors as {@link EventCodec#decodeView}, but it remembers what repeats from view to view (article
 * ids, user agents, referrers, the date), so a stream of views allocates and decodes less. Not
 * thread-safe: one per thread, e.g. per Kafka Streams processor.
 */
public final class ViewReader {

    private final PlainViewReader plain = new PlainViewReader(true);

    /** @throws EventFormatException as {@link EventCodec#decodeView} does */
    public ArticleViewed decode(byte[] bytes) {
        ArticleViewed view = plain.view(bytes);
        return view != null ? view : EventCodec.decodeViewInGeneral(bytes);
    }
}
