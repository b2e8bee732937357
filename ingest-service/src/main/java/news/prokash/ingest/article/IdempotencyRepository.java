package news.prokash.ingest.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table: a key, what it was sent with, and the answer it got. */
@Repository
class IdempotencyRepository {

    record Remembered(byte[] fingerprint, String articleId, long version) {
    }

    /** A key and the answer to remember for it. */
    record KeyAnswer(String key, Remembered answer) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    IdempotencyRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Remembered> find(String key) {
        return jdbc.sql("select fingerprint, article_id, version from idempotency_key where key = ?")
                .param(key)
                .query((rs, n) -> new Remembered(rs.getBytes(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    /** The remembered answers of those keys that have one. */
    Map<String, Remembered> findAll(List<String> keys) {
        Map<String, Remembered> found = new HashMap<>();
        jdbc.sql("select key, fingerprint, article_id, version from idempotency_key where key = any(?)")
                .param(keys.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), new Remembered(rs.getBytes(2), rs.getString(3), rs.getLong(4)));
                });
        return found;
    }

    /** {@link #remember} of many keys in one JDBC batch; for each, whether it was new. */
    boolean[] rememberAll(List<KeyAnswer> answers) {
        int[] counts = batch.batchUpdate("insert into idempotency_key (key, fingerprint, article_id, version)"
                + " values (?, ?, ?, ?) on conflict do nothing", answers.stream()
                .map(a -> new Object[] { a.key(), a.answer().fingerprint(), a.answer().articleId(), a.answer().version() })
                .toList());
        boolean[] stored = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            stored[i] = counts[i] == 1;
        }
        return stored;
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
