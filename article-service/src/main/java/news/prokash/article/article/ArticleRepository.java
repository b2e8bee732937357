package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    // matches no row and changes nothing. RETURNING gives the version it replaced (the CTE sees the
    // table as it was before the statement), for gap detection, in the same round trip.
    private static final String UPSERT_CONTENT = """
            WITH previous AS (SELECT version FROM articles WHERE id = :id)
            INSERT INTO articles (%s, view_json)
            VALUES (:id, :version, :status, :headline, :kicker, :summary, :body_html, :body_text, :section,
                    :tags, :byline, :edition, :language, :published_at, :published_offset_seconds, :updated_at,
                    :updated_offset_seconds, :lead_image_url, :lead_image_caption, :lead_image_credit, :source,
                    :slug, :url, :view_json)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, status = EXCLUDED.status, headline = EXCLUDED.headline,
                kicker = EXCLUDED.kicker, summary = EXCLUDED.summary, body_html = EXCLUDED.body_html,
                body_text = EXCLUDED.body_text, section = EXCLUDED.section, tags = EXCLUDED.tags,
                byline = EXCLUDED.byline, edition = EXCLUDED.edition, language = EXCLUDED.language,
                published_at = EXCLUDED.published_at, published_offset_seconds = EXCLUDED.published_offset_seconds,
                updated_at = EXCLUDED.updated_at, updated_offset_seconds = EXCLUDED.updated_offset_seconds,
                lead_image_url = EXCLUDED.lead_image_url, lead_image_caption = EXCLUDED.lead_image_caption,
                lead_image_credit = EXCLUDED.lead_image_credit, source = EXCLUDED.source, slug = EXCLUDED.slug,
                url = EXCLUDED.url, view_json = EXCLUDED.view_json, applied_at = now()
            WHERE articles.version < EXCLUDED.version
            RETURNING (SELECT version FROM previous)""".formatted(CONTENT_COLUMNS);

    // A deletion keeps the content for the newsroom; a deletion of an unseen article leaves a tombstone row.
    private static final String UPSERT_DELETION = """
            WITH previous AS (SELECT version FROM articles WHERE id = :id)
            INSERT INTO articles (id, version, status, updated_at, updated_offset_seconds)
            VALUES (:id, :version, :status, :updated_at, :updated_offset_seconds)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
                updated_offset_seconds = EXCLUDED.updated_offset_seconds, applied_at = now()
            WHERE articles.version < EXCLUDED.version
            RETURNING (SELECT version FROM previous)""";

    private static final String INSERT_VERSION = """
            INSERT INTO article_versions (id, version, event_type, occurred_at, event)
            VALUES (:id, :version, :eventType, :occurredAt, CAST(:event AS jsonb))
            ON CONFLICT (id, version) DO NOTHING""";

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final ArticleViewJson views;

    ArticleRepository(JdbcClient jdbc, TransactionTemplate transactions, ArticleViewJson views) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.views = views;
    }

    /**
     * Records the version in the history and applies it if it is newer than the stored one.
     *
     * @param event the event as it came off the wire, kept in the history
     */
    Applied apply(ArticleChange change, byte[] event) {
        Map<String, @Nullable Object> columns = change.columns();
        Article article = change.article();
        if (article != null) {
            // rendered once per version here instead of on every read
            columns.put("view_json", views.render(article));
        }
        Applied applied = transactions.execute(status -> {
            jdbc.sql(INSERT_VERSION)
                    .param("id", change.id())
                    .param("version", change.version())
                    .param("eventType", change.eventType())
                    .param("occurredAt", change.occurredAt().atOffset(ZoneOffset.UTC))
                    .param("event", new String(event, StandardCharsets.UTF_8))
                    .update();
            List<Applied> rows = jdbc.sql(change.isDeletion() ? UPSERT_DELETION : UPSERT_CONTENT)
                    .params(columns)
                    .query((rs, rowNum) -> new Applied(true, (Long) rs.getObject(1)))
                    .list();
            return rows.isEmpty() ? Applied.STALE : rows.getFirst();
        });
        return applied == null ? Applied.STALE : applied;
    }

    /**
     * @param changed whether the article row changed (false: a redelivery or an older version)
     * @param previousVersion the version it replaced; null if the article was new here
     */
    record Applied(boolean changed, @Nullable Long previousVersion) {

        static final Applied STALE = new Applied(false, null);
    }

    /** The article's state: what the read API needs to choose between 200, 404 and 410. */
    Optional<StoredArticle> findById(String id) {
        return find("id", id);
    }

    Optional<StoredArticle> findBySlug(String slug) {
        return find("slug", slug);
    }

    /**
     * What {@code GET /api/v1/articles/{id}} answers, from one narrow row read: the status and due
     * flag decide 200, 404 or 410 on every read, so an unpublish or delete hides the article at once.
     */
    Optional<StoredView> findViewById(String id) {
        return findView("id", id);
    }

    Optional<StoredView> findViewBySlug(String slug) {
        return findView("slug", slug);
    }

    private Optional<StoredView> findView(String column, String value) {
        Optional<StoredView> stored = jdbc.sql(
                "SELECT version, status, published_at <= now() AS due, view_json FROM articles WHERE %s = :value"
                        .formatted(column))
                .param("value", value)
                // PgJDBC hands a text column over as the bytes it received, UTF-8 (the driver's client
                // encoding): the body is sent without decoding and encoding it again
                .query((rs, rowNum) -> new StoredView(status(rs.getString("status")), rs.getBoolean("due"),
                        rs.getLong("version"), rs.getBytes("view_json")))
                .optional();
        StoredView view = stored.orElse(null);
        if (view != null && view.json() == null && view.status() == ArticleStatus.PUBLISHED && view.due()) {
            // a row written before view_json existed: render it from the columns (version and body from one read)
            return find(column, value).map(full -> {
                Article article = full.article();
                return article == null ? new StoredView(full.status(), full.due(), 0, null)
                        : new StoredView(full.status(), full.due(), article.version(),
                                views.render(article).getBytes(StandardCharsets.UTF_8));
            });
        }
        return stored;
    }

    /**
     * @param version the ETag
     * @param json the body, UTF-8; null only for an article that is not shown (unpublished, deleted)
     */
    record StoredView(ArticleStatus status, boolean due, long version, byte @Nullable [] json) {
    }

    private Optional<StoredArticle> find(String column, String value) {
        return jdbc.sql("SELECT %s, published_at <= now() AS due FROM articles WHERE %s = :value"
                        .formatted(CONTENT_COLUMNS, column))
                .param("value", value)
                .query((rs, rowNum) -> storedArticle(rs))
                .optional();
    }

    /**
     * Published articles whose time has come, newest first, after {@code query.after()} if given.
     * Ties of the publish time are broken by id, so the order is total and a cursor is exact.
     */
    List<ArticleSummary> latest(LatestQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, headline, section, published_at, published_offset_seconds, url,
                       lead_image_url, lead_image_caption, lead_image_credit
                FROM articles
                WHERE status = 'published' AND published_at <= now()""");
        Map<String, Object> params = new HashMap<>();
        if (query.section() != null) {
            sql.append(" AND section = :section");
            params.put("section", query.section());
        }
        if (query.tag() != null) {
            sql.append(" AND tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", query.tag());
        }
        LatestCursor after = query.after();
        if (after != null) {
            sql.append(" AND (published_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", after.publishedAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY published_at DESC, id DESC LIMIT :limit");
        params.put("limit", query.limit());
        int first = after == null ? 1 : after.position() + 1;
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, rowNum) -> new ArticleSummary(rs.getString("id"), rs.getString("headline"),
                        rs.getString("section"), publishedAt(rs), rs.getString("url"), leadImage(rs), first + rowNum))
                .list();
    }

    /**
     * @param section only this section, if not null
     * @param tag only articles with this tag, if not null
     * @param after the cursor of the previous page, if any
     */
    record LatestQuery(@Nullable String section, @Nullable String tag, @Nullable LatestCursor after, int limit) {
    }

    /** Full articles published and due since {@code since}, newest first: feeds and the news sitemap. */
    List<Article> publishedSince(Instant since, @Nullable String section, int limit) {
        return jdbc.sql("""
                SELECT %s, true AS due FROM articles
                WHERE status = 'published' AND published_at <= now() AND published_at >= :since
                  AND (CAST(:section AS text) IS NULL OR section = :section)
                ORDER BY published_at DESC, id DESC
                LIMIT :limit""".formatted(CONTENT_COLUMNS))
                .param("since", since.atOffset(ZoneOffset.UTC))
                .param("section", section)
                .param("limit", limit)
                .query((rs, rowNum) -> Objects.requireNonNull(storedArticle(rs).article()))
                .list();
    }

    /** The history of an article, oldest first. */
    List<ArticleVersions.Entry> versions(String id) {
        return jdbc.sql("SELECT version, event_type, occurred_at FROM article_versions WHERE id = :id ORDER BY version")
                .param("id", id)
                .query((rs, rowNum) -> new ArticleVersions.Entry(rs.getLong("version"), rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One version of the history: the event as it came off the wire. */
    Optional<byte[]> versionEvent(String id, long version) {
        return jdbc.sql("SELECT CAST(event AS text) FROM article_versions WHERE id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .query((rs, rowNum) -> rs.getString(1).getBytes(StandardCharsets.UTF_8))
                .optional();
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
