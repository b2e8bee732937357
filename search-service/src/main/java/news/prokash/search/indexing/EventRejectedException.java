package news.prokash.search.indexing;

import org.jspecify.annotations.Nullable;

/**
 * One event of a batch can never be indexed: undecodable, or refused by Elasticsearch (e.g. a
 * mapping conflict). Retrying cannot help; it goes to the dead-letter topic with this message.
 *
 * @see #position() its index in the batch; the events before it are indexed
 */
class EventRejectedException extends RuntimeException {

    private final int position;

    EventRejectedException(int position, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    int position() {
        return position;
    }
}
