package news.prokash.article.article;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import news.prokash.contracts.EventFormatException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleEventErrorHandlingTests {

    @Test
    void shouldRetryAnUnreachableDatabaseBehindTheBindersWrappers() {
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new CannotGetJdbcConnectionException("down",
                new SQLTransientConnectionException("timeout"))))).isTrue();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new CannotCreateTransactionException("down")))).isTrue();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new CannotAcquireLockException("lock")))).isTrue();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new RuntimeException(
                new SQLException("connection refused", "08001"))))).isTrue();
    }

    @Test
    void shouldNotRetryWhatCanNeverSucceed() {
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new EventFormatException("bad bytes")))).isFalse();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new DataIntegrityViolationException("slug")))).isFalse();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new DuplicateKeyException("slug",
                new SQLException("duplicate key", "23505"))))).isFalse();
        assertThat(ArticleEventErrorHandling.isTransient(wrapped(new IllegalStateException("bug")))).isFalse();
    }

    private static Exception wrapped(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", new MessagingException("handler failed", cause));
    }

    @Test
    void shouldGiveTheReasonBelowTheWrappers() {
        assertThat(ArticleEventErrorHandling.reason(wrapped(new EventFormatException("not an article event",
                new IllegalStateException("parser detail"))))).isEqualTo(
                        "news.prokash.contracts.EventFormatException: not an article event");
    }

    @Test
    void shouldGiveTheDriversMessageInsteadOfTheSql() {
        assertThat(ArticleEventErrorHandling.reason(wrapped(new DuplicateKeyException("PreparedStatementCallback; SQL [...]",
                new SQLException("duplicate key value violates unique constraint \"articles_slug_key\"", "23505")))))
                .isEqualTo("org.springframework.dao.DuplicateKeyException: "
                        + "duplicate key value violates unique constraint \"articles_slug_key\"");
    }
}
