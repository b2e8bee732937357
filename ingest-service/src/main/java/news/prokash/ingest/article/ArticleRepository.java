package news.prokash.ingest.article;

import java.util.List;
import java.util.Optional;

import news.prokash.contracts.ArticleStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code article} table (schema {@code ingest}); events are stored as {@link StoredEvents} packs them.
 * Callers run it inside their transaction.
 */
@Repository
class ArticleRepository {

    private static final RowMapper<StoredArticle> ROW = (rs, n) -> new StoredArticle(rs.getString("id"),
            rs.getLong("version"), status(rs.getString("status")), rs.getString("slug"),
            StoredEvents.unpack(rs.getBytes("event")));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ArticleRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The row, locked until the transaction ends: changes of one article are serialized here. */
    Optional<StoredArticle> lock(String id) {
        return jdbc.sql("select id, version, status, slug, event from article where id = ? for update")
                .param(id).query(ROW).optional();
    }

    Optional<StoredArticle> find(String id) {
        return jdbc.sql("select id, version, status, slug, event from article where id = ?")
                .param(id).query(ROW).optional();
    }

    /**
     * False if the slug is taken (the id is new). A concurrent insert of the same slug waits for the
     * first transaction, then finds it taken, so two articles never share a slug.
     */
    boolean insert(StoredArticle article) {
        return jdbc.sql("""
                insert into article (id, version, status, slug, event) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(article.id(), article.version(), article.status().wireName(), article.slug(),
                        StoredEvents.pack(article.event()))
                .update() == 1;
    }

    /** Inserts many new articles in one JDBC batch; for each, whether it was inserted (false: its slug is taken). */
    boolean[] insertAll(List<StoredArticle> articles) {
        int[] counts = batch.batchUpdate("insert into article (id, version, status, slug, event) values (?, ?, ?, ?, ?)"
                + " on conflict do nothing", articles.stream()
                .map(a -> new Object[] { a.id(), a.version(), a.status().wireName(), a.slug(),
                        StoredEvents.pack(a.event()) })
                .toList());
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    /** Replaces the row of a locked article; false if another article holds the new slug. */
    boolean update(StoredArticle article) {
        return jdbc.sql("""
                update article set version = ?, status = ?, slug = ?, event = ?, changed_at = now()
                where id = ? and not exists (select 1 from article other where other.slug = ? and other.id <> ?)""")
                .params(article.version(), article.status().wireName(), article.slug(),
                        StoredEvents.pack(article.event()), article.id(), article.slug(), article.id())
                .update() == 1;
    }

    /** Records an event known to be on the log, unless the row already holds that version or a later one. */
    void confirm(StoredArticle article) {
        jdbc.sql("""
                insert into article (id, version, status, slug, event) values (?, ?, ?, ?, ?)
                on conflict (id) do update set version = excluded.version, status = excluded.status,
                    slug = excluded.slug, event = excluded.event, changed_at = now()
                where article.version < excluded.version""")
                .params(article.id(), article.version(), article.status().wireName(), article.slug(),
                        StoredEvents.pack(article.event()))
                .update();
    }

    private static ArticleStatus status(String wireName) {
        for (ArticleStatus status : ArticleStatus.values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalStateException("unknown status in the store: " + wireName);
    }
}
