package news.prokash.ingest.article;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table: a key, what it was sent with, and the answer it got. */
@Repository
class IdempotencyRepository {

    record Remembered(byte[] fingerprint, String articleId, long version) {
    }

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Remembered> find(String key) {
        return jdbc.sql("select fingerprint, article_id, version from idempotency_key where key = ?")
                .param(key)
                .query((rs, n) -> new Remembered(rs.getBytes(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    /**
     * False if the key is already there. An insert racing another transaction's uncommitted insert of
     * the same key waits for it, so only one request per key ever goes on to publish.
     */
    boolean remember(String key, byte[] fingerprint, String articleId, long version) {
        return jdbc.sql("""
                insert into idempotency_key (key, fingerprint, article_id, version) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(key, fingerprint, articleId, version)
                .update() == 1;
    }
}
