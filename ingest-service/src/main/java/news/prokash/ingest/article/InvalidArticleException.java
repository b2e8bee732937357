package news.prokash.ingest.article;

import java.util.List;

import news.prokash.ingest.article.ProblemDetailsAdvice.FieldMessage;

/** A request body that breaks its constraints: a 400 listing every field's error ({@link ProblemDetailsAdvice}). */
final class InvalidArticleException extends RuntimeException {

    private final List<FieldMessage> errors;

    InvalidArticleException(List<FieldMessage> errors) {
        super("invalid article: " + errors, null, false, false); // an answer to the client, not a fault to trace
        this.errors = List.copyOf(errors);
    }

    List<FieldMessage> errors() {
        return errors;
    }
}
