package news.prokash.search.indexing;

/** Elasticsearch refused the document itself (e.g. a mapping conflict): retrying cannot help. */
class ArticleRejectedException extends RuntimeException {

    ArticleRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
