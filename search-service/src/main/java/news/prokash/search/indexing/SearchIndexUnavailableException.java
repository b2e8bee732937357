package news.prokash.search.indexing;

/** Elasticsearch could not take the write just now (down, overloaded): worth retrying the same event. */
public class SearchIndexUnavailableException extends RuntimeException {

    SearchIndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
