package news.prokash.article.article;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.EventCodec;
import news.prokash.contracts.Topics;
import news.prokash.harness.Infrastructure;
import news.prokash.harness.PostgresEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A store rebuilt from the topic into an empty schema equals the one the live consumer keeps. */
class ArticleReplayIntegrationTests extends IntegrationTestBase {

    @Autowired
    ArticleViewJson views;

    private static final String REBUILD = "article_replay_test";

    private static final String ARTICLE_COLUMNS = """
            id, version, status, headline, kicker, summary, body_html, body_text, section, tags, byline, edition,
            language, published_at, published_offset_seconds, updated_at, updated_offset_seconds, lead_image_url,
            lead_image_caption, lead_image_credit, source, slug, url, view_json""";

    private static final String VERSION_COLUMNS = "id, version, event_type, occurred_at, event";

    @Test
    void shouldRebuildTheSameStoreFromTheTopic() throws Exception {
        // given a topic with out-of-order versions, a redelivery, an unpublish, a deletion and poison
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(6));
        Article updated = TestArticles.article("sports", List.of("পুনর্গঠন"), now.minusHours(1), "প্রথম");
        Article unpublished = TestArticles.article("sports", List.of(), now.minusHours(2), "প্রত্যাহার");
        Article deleted = TestArticles.article("sports", List.of(), now.minusHours(3), "মুছে ফেলা");
        publish(TestArticles.updated(updated, "দ্বিতীয়"));
        publish(TestArticles.published(updated));
        publish(TestArticles.published(updated));
        publish(TestArticles.published(unpublished));
        publish(new ArticleUnpublished(unpublished.id(), 2, Instant.now(),
                unpublished.withStatus(ArticleStatus.UNPUBLISHED, 2, now)));
        publish(TestArticles.published(deleted));
        publish(new ArticleDeleted(deleted.id(), 2, Instant.now()));
        send(TestArticles.newId(), new byte[] { 'n', 'o', 'p', 'e' });
        awaitLiveConsumerCaughtUp();

        // when the topic is replayed into an empty schema
        PostgresEndpoint postgres = Infrastructure.postgres();
        DriverManagerDataSource rebuild = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
        rebuild.setSchema(REBUILD);
        jdbc.sql("DROP SCHEMA IF EXISTS " + REBUILD + " CASCADE").update();
        Flyway.configure().dataSource(rebuild).schemas(REBUILD).load().migrate();
        ArticleEventHandler handler = new ArticleEventHandler(new ArticleRepository(JdbcClient.create(rebuild),
                new TransactionTemplate(new DataSourceTransactionManager(rebuild)), views),
                new ArticleEventMetrics(new SimpleMeterRegistry()));
        ArticleReplay.Result result = new ArticleReplay(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), handler).replay();

        // then both tables hold the same rows for every article of the topic, except those with a poison
        // event: which of two articles with one slug wins depends on the order across partitions
        assertThat(result.poison()).isGreaterThanOrEqualTo(1);
        String live = jdbc.sql("SELECT current_schema()").query(String.class).single();
        for (String poisoned : deadLetterKeys()) {
            jdbc.sql("DELETE FROM " + REBUILD + ".articles WHERE id = :id").param("id", poisoned).update();
        }
        List<String> rebuiltIds = jdbc.sql("SELECT id FROM " + REBUILD + ".articles").query(String.class).list();
        assertThat(rebuiltIds).contains(updated.id(), unpublished.id(), deleted.id());
        assertThat(difference("articles", ARTICLE_COLUMNS, live)).isEmpty();
        assertThat(difference("article_versions", VERSION_COLUMNS, live)).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM " + REBUILD + ".articles WHERE id = :id").param("id", deleted.id())
                .query(String.class).single()).isEqualTo("deleted");
        assertThat(jdbc.sql("SELECT headline FROM " + REBUILD + ".articles WHERE id = :id").param("id", updated.id())
                .query(String.class).single()).isEqualTo("দ্বিতীয়");
        jdbc.sql("DROP SCHEMA " + REBUILD + " CASCADE").update();
    }

    /** Rows of the articles in the rebuilt schema that differ, either way, from the live schema's. */
    private List<String> difference(String table, String columns, String live) {
        String rebuilt = REBUILD + "." + table;
        String current = live + "." + table;
        String ids = "id IN (SELECT id FROM " + REBUILD + ".articles)";
        return jdbc.sql("""
                (SELECT %1$s FROM %2$s WHERE %4$s EXCEPT SELECT %1$s FROM %3$s WHERE %4$s)
                UNION ALL
                (SELECT %1$s FROM %3$s WHERE %4$s EXCEPT SELECT %1$s FROM %2$s WHERE %4$s)"""
                        .formatted(columns, rebuilt, current, ids))
                .query((rs, rowNum) -> rs.getString("id") + " v" + rs.getLong("version"))
                .list();
    }

    /**
     * A barrier: one fresh article on every partition, after everything sent so far. Order holds per
     * partition, so once the live store has all of them, it has applied (or dead-lettered) the rest.
     */
    private void awaitLiveConsumerCaughtUp() {
        List<String> sentinels = new ArrayList<>();
        for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
            Article sentinel = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
            send(new ProducerRecord<>(Topics.ARTICLES, partition, sentinel.id(),
                    EventCodec.encode(TestArticles.published(sentinel))));
            sentinels.add(sentinel.id());
        }
        eventually().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM articles WHERE id IN (:ids)")
                .param("ids", sentinels).query(Long.class).single() == Topics.PARTITIONS);
    }
}
