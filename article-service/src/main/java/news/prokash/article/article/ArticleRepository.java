package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.Edition;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code articles} table and its history, {@code article_versions}. */
@Repository
class ArticleRepository {

    private static final String CONTENT_COLUMNS = """
            id, version, status, headline, kicker, summary, body_html, body_text, section, tags, byline,
            edition, language, published_at, published_offset_seconds, updated_at, updated_offset_seconds,
            lead_image_url, lead_image_caption, lead_image_credit, source, slug, url""";

    // The WHERE makes the upsert idempotent and order-proof: a redelivered or older version
    // matches no row and changes nothing.
    private static final String UPSERT_CONTENT = """
            INSERT INTO articles (%s)
            VALUES (:id, :version, :status, :headline, :kicker, :summary, :body_html, :body_text, :section,
                    :tags, :byline, :edition, :language, :published_at, :published_offset_seconds, :updated_at,
                    :updated_offset_seconds, :lead_image_url, :lead_image_caption, :lead_image_credit, :source,
                    :slug, :url)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, status = EXCLUDED.status, headline = EXCLUDED.headline,
                kicker = EXCLUDED.kicker, summary = EXCLUDED.summary, body_html = EXCLUDED.body_html,
                body_text = EXCLUDED.body_text, section = EXCLUDED.section, tags = EXCLUDED.tags,
                byline = EXCLUDED.byline, edition = EXCLUDED.edition, language = EXCLUDED.language,
                published_at = EXCLUDED.published_at, published_offset_seconds = EXCLUDED.published_offset_seconds,
                updated_at = EXCLUDED.updated_at, updated_offset_seconds = EXCLUDED.updated_offset_seconds,
                lead_image_url = EXCLUDED.lead_image_url, lead_image_caption = EXCLUDED.lead_image_caption,
                lead_image_credit = EXCLUDED.lead_image_credit, source = EXCLUDED.source, slug = EXCLUDED.slug,
                url = EXCLUDED.url, applied_at = now()
            WHERE articles.version < EXCLUDED.version""".formatted(CONTENT_COLUMNS);

    // A deletion keeps the content for the newsroom; a deletion of an unseen article leaves a tombstone row.
    private static final String UPSERT_DELETION = """
            INSERT INTO articles (id, version, status, updated_at, updated_offset_seconds)
            VALUES (:id, :version, :status, :updated_at, :updated_offset_seconds)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
                updated_offset_seconds = EXCLUDED.updated_offset_seconds, applied_at = now()
            WHERE articles.version < EXCLUDED.version""";

    private static final String INSERT_VERSION = """
            INSERT INTO article_versions (id, version, event_type, occurred_at, event)
            VALUES (:id, :version, :eventType, :occurredAt, CAST(:event AS jsonb))
            ON CONFLICT (id, version) DO NOTHING""";

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    ArticleRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Records the version in the history and applies it if it is newer than the stored one.
     *
     * @param event the event as it came off the wire, kept in the history
     * @return true if the article row changed, false if the event was stale or a redelivery
     */
    boolean apply(ArticleChange change, byte[] event) {
        Boolean applied = transactions.execute(status -> {
            jdbc.sql(INSERT_VERSION)
                    .param("id", change.id())
                    .param("version", change.version())
                    .param("eventType", change.eventType())
                    .param("occurredAt", change.occurredAt().atOffset(ZoneOffset.UTC))
                    .param("event", new String(event, StandardCharsets.UTF_8))
                    .update();
            int rows = jdbc.sql(change.isDeletion() ? UPSERT_DELETION : UPSERT_CONTENT)
                    .params(change.columns())
                    .update();
            return rows == 1;
        });
        return Boolean.TRUE.equals(applied);
    }

    /** The article's state: what the read API needs to choose between 200, 404 and 410. */
    Optional<StoredArticle> findById(String id) {
        return jdbc.sql("SELECT %s, published_at <= now() AS due FROM articles WHERE id = :id".formatted(CONTENT_COLUMNS))
                .param("id", id)
                .query((rs, rowNum) -> storedArticle(rs))
                .optional();
    }

    /** Published articles whose time has come, newest first. */
    List<ArticleSummary> latest(int limit) {
        return jdbc.sql("""
                SELECT id, headline, section, published_at, published_offset_seconds, url,
                       lead_image_url, lead_image_caption, lead_image_credit
                FROM articles
                WHERE status = 'published' AND published_at <= now()
                ORDER BY published_at DESC, id DESC
                LIMIT :limit""")
                .param("limit", limit)
                .query((rs, rowNum) -> new ArticleSummary(rs.getString("id"), rs.getString("headline"),
                        rs.getString("section"), publishedAt(rs), rs.getString("url"), leadImage(rs)))
                .list();
    }

    private static StoredArticle storedArticle(ResultSet rs) throws SQLException {
        ArticleStatus status = status(rs.getString("status"));
        if (status == ArticleStatus.DELETED) {
            // possibly a tombstone without content; the API answers 410 without reading it
            return new StoredArticle(status, false, null);
        }
        Article article = new Article(rs.getString("id"), rs.getLong("version"), status, rs.getString("headline"),
                rs.getString("kicker"), rs.getString("summary"), rs.getString("body_html"), rs.getString("body_text"),
                rs.getString("section"), tags(rs.getArray("tags")), rs.getString("byline"),
                Edition.fromWireName(rs.getString("edition")), rs.getString("language"), publishedAt(rs),
                ArticleChange.withOriginalOffset(rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getInt("updated_offset_seconds")),
                leadImage(rs), rs.getString("source"), rs.getString("slug"), rs.getString("url"));
        return new StoredArticle(status, rs.getBoolean("due"), article);
    }

    private static ArticleStatus status(String wireName) {
        for (ArticleStatus status : ArticleStatus.values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalStateException("unknown status in the articles table: " + wireName);
    }

    private static OffsetDateTime publishedAt(ResultSet rs) throws SQLException {
        return ArticleChange.withOriginalOffset(rs.getObject("published_at", OffsetDateTime.class),
                rs.getInt("published_offset_seconds"));
    }

    private static List<String> tags(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        }
        finally {
            array.free();
        }
    }

    private static @Nullable LeadImage leadImage(ResultSet rs) throws SQLException {
        String url = rs.getString("lead_image_url");
        return url == null ? null
                : new LeadImage(url, rs.getString("lead_image_caption"), rs.getString("lead_image_credit"));
    }

    /**
     * @param due whether the publish time has come (false for a scheduled article)
     * @param article the content; null only for a deleted article
     */
    record StoredArticle(ArticleStatus status, boolean due, @Nullable Article article) {
    }
}
