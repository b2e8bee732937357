package news.prokash.search.indexing;

import org.jspecify.annotations.Nullable;

/** Elasticsearch could not take the write just now (down, overloaded): worth retrying the same events. */
public class SearchIndexUnavailableException extends RuntimeException {

    SearchIndexUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
