package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.EventFormatException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Applying events to PostgreSQL, without the broker: what the binding calls for each record. */
class ArticleStoreIntegrationTests extends IntegrationTestBase {

    @Autowired
    ArticleEventHandler handler;

    @Autowired
    ArticleRepository articles;

    @Autowired
    ArticleViewJson views;

    @Test
    void shouldStoreEveryFieldAndGiveTheArticleBackWithTheEditorsOffset() {
        Article article = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);

        boolean applied = handler.handle(EventCodec.encode(TestArticles.published(article)));

        assertThat(applied).isTrue();
        ArticleRepository.StoredArticle stored = articles.findById(article.id()).orElseThrow();
        // record equality compares OffsetDateTime by local time and offset, so +06:00 survived
        assertThat(stored.article()).isEqualTo(article);
        assertThat(stored.article().publishedAt()).hasToString("2025-07-12T09:00+06:00");
        assertThat(stored.due()).isTrue();
    }

    @Test
    void shouldStoreTheReadBodyPerVersionAndRenderARowWrittenBeforeItFromTheColumns() {
        Article v1 = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        ArticleUpdated v2 = TestArticles.updated(v1, "নতুন শিরোনাম");
        handler.handle(EventCodec.encode(TestArticles.published(v1)));
        handler.handle(EventCodec.encode(v2));

        ArticleRepository.StoredView stored = articles.findViewById(v1.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(new String(stored.json(), StandardCharsets.UTF_8)).isEqualTo(views.render(v2.article()))
                .isEqualTo(views.render(articles.findById(v1.id()).orElseThrow().article()));

        // a row from before the view_json column: the same body, rendered from the columns
        jdbc.sql("UPDATE articles SET view_json = NULL WHERE id = :id").param("id", v1.id()).update();
        for (ArticleRepository.StoredView rendered : List.of(articles.findViewById(v1.id()).orElseThrow(),
                articles.findViewBySlug(v1.slug()).orElseThrow())) {
            assertThat(rendered.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(rendered.due()).isTrue();
            assertThat(rendered.version()).isEqualTo(2);
            assertThat(rendered.json()).isEqualTo(stored.json());
        }
    }

    @Test
    void shouldIgnoreAnOlderVersionAndARedeliveryButKeepBothInTheHistory() {
        Article v1 = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        ArticleUpdated v2 = TestArticles.updated(v1, "দ্বিতীয় সংস্করণ");
        handler.handle(EventCodec.encode(v2));

        boolean olderApplied = handler.handle(EventCodec.encode(TestArticles.published(v1)));
        boolean redeliveryApplied = handler.handle(EventCodec.encode(v2));

        assertThat(olderApplied).isFalse();
        assertThat(redeliveryApplied).isFalse();
        Article stored = articles.findById(v1.id()).orElseThrow().article();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.headline()).isEqualTo("দ্বিতীয় সংস্করণ");
        assertThat(jdbc.sql("SELECT version FROM article_versions WHERE id = :id ORDER BY version")
                .param("id", v1.id()).query(Long.class).list()).containsExactly(1L, 2L);
        assertThat(jdbc.sql("SELECT event ->> 'type' FROM article_versions WHERE id = :id AND version = 2")
                .param("id", v1.id()).query(String.class).single()).isEqualTo("ArticleUpdated");
    }

    @Test
    void shouldKeepADeletionOfAnUnseenArticleAsATombstone() {
        String id = TestArticles.newId();

        boolean applied = handler.handle(EventCodec.encode(new ArticleDeleted(id, 3, Instant.now())));

        assertThat(applied).isTrue();
        ArticleRepository.StoredArticle stored = articles.findById(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(ArticleStatus.DELETED);
        assertThat(stored.article()).isNull();
    }

    @Test
    void shouldNotLetAnOlderVersionUndoADeletion() {
        Article v1 = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        handler.handle(EventCodec.encode(new ArticleDeleted(v1.id(), 2, Instant.now())));

        boolean applied = handler.handle(EventCodec.encode(TestArticles.published(v1)));

        assertThat(applied).isFalse();
        assertThat(articles.findById(v1.id()).orElseThrow().status()).isEqualTo(ArticleStatus.DELETED);
    }

    @Test
    void shouldRejectBytesThatAreNoEventAndWriteNothing() {
        long before = jdbc.sql("SELECT count(*) FROM article_versions").query(Long.class).single();
        double failed = events("failed");

        assertThatExceptionOfType(EventFormatException.class)
                .isThrownBy(() -> handler.handle("{\"schemaVersion\":1,\"type\":\"ArticlePublished\"}"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(jdbc.sql("SELECT count(*) FROM article_versions").query(Long.class).single()).isEqualTo(before);
        assertThat(events("failed")).isEqualTo(failed + 1);
    }

    @Test
    void shouldRefuseASlugAlreadyTakenByAnotherArticle() {
        Article first = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        handler.handle(EventCodec.encode(TestArticles.published(first)));
        Article other = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        Article clash = new Article(other.id(), 1, other.status(), other.headline(), other.kicker(), other.summary(),
                other.bodyHtml(), other.bodyText(), other.section(), other.tags(), other.byline(), other.edition(),
                other.language(), other.publishedAt(), other.updatedAt(), other.leadImage(), other.source(),
                first.slug(), first.url());

        // not retryable (see application.yml): the binding dead-letters it at once
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> handler.handle(EventCodec.encode(TestArticles.published(clash))));

        assertThat(articles.findById(other.id())).isEmpty();
    }

    @Test
    void shouldApplyAVersionAfterAGapButCountAndKeepBoth() {
        Article v1 = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        ArticleUpdated v2 = TestArticles.updated(v1, "দ্বিতীয়");
        ArticleUpdated v4 = TestArticles.updated(TestArticles.updated(v2.article(), "তৃতীয়").article(), "চতুর্থ");
        handler.handle(EventCodec.encode(TestArticles.published(v1)));
        double gaps = events("gap");

        boolean applied = handler.handle(EventCodec.encode(v4));

        assertThat(applied).isTrue();
        assertThat(events("gap")).isEqualTo(gaps + 1);
        assertThat(articles.findById(v1.id()).orElseThrow().article().headline()).isEqualTo("চতুর্থ");
        assertThat(articles.versions(v1.id())).extracting(ArticleVersions.Entry::version).containsExactly(1L, 4L);

        // the missing version arriving late is history only, and no gap
        assertThat(handler.handle(EventCodec.encode(v2))).isFalse();
        assertThat(events("gap")).isEqualTo(gaps + 1);
        assertThat(articles.versions(v1.id())).extracting(ArticleVersions.Entry::type)
                .containsExactly("ArticlePublished", "ArticleUpdated", "ArticleUpdated");
    }

    @Test
    void shouldNotCallTheNextVersionAGap() {
        Article v1 = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        handler.handle(EventCodec.encode(TestArticles.published(v1)));
        double gaps = events("gap");

        assertThat(handler.handle(EventCodec.encode(TestArticles.updated(v1, "পরের সংস্করণ")))).isTrue();

        assertThat(events("gap")).isEqualTo(gaps);
    }
}
