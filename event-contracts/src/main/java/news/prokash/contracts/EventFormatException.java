package news.prokash.contracts;

/** The bytes on the topic are not an event this code can read. Never retried: dead-letter it. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
