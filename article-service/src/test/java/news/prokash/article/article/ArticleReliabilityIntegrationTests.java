package news.prokash.article.article;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import news.prokash.contracts.Article;
import news.prokash.contracts.EventCodec;
import news.prokash.harness.Infrastructure;
import news.prokash.harness.PostgresEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a poison event and a database outage do to the consumer: the dead-letter topic, or patience. */
class ArticleReliabilityIntegrationTests extends IntegrationTestBase {

    @Test
    void shouldDeadLetterASlugClashAtOnceWithTheReasonAndGoOn() {
        Article first = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        Article other = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        Article clash = new Article(other.id(), 1, other.status(), other.headline(), other.kicker(), other.summary(),
                other.bodyHtml(), other.bodyText(), other.section(), other.tags(), other.byline(), other.edition(),
                other.language(), other.publishedAt(), other.updatedAt(), other.leadImage(), other.source(),
                first.slug(), first.url());
        Article next = TestArticles.publishedAt(other.id(), TestArticles.EARLIER);
        double deadLettered = events("dead-lettered");
        publish(TestArticles.published(first));

        publish(TestArticles.published(clash));
        // same key, so after the clash on the partition: it is applied, the consumer went on
        publish(TestArticles.updated(next, "নতুন স্লাগে"));

        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", other.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headline").isEqualTo("নতুন স্লাগে"));
        List<ConsumerRecord<String, byte[]>> parked = deadLetters(other.id(), 1);
        assertThat(parked).hasSize(1);
        assertThat(parked.getFirst().value()).isEqualTo(EventCodec.encode(TestArticles.published(clash)));
        assertThat(header(parked.getFirst(), ArticleEventErrorHandling.REASON_HEADER))
                .startsWith("org.springframework.dao.").contains("articles_slug_key");
        assertThat(events("dead-lettered")).isEqualTo(deadLettered + 1);
    }

    @Test
    void shouldWaitForTheDatabaseInsteadOfDeadLetteringDuringAnOutage() throws SQLException {
        Article article = TestArticles.publishedAt(TestArticles.newId(), TestArticles.EARLIER);
        PostgresEndpoint postgres = Infrastructure.postgres();
        double failed = events("failed");
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();
        // from the maintenance database, an outage that is safe to undo: no new connections to ours, the open ones cut
        String maintenance = postgres.jdbcUrl().replaceFirst("/" + database + "(?=\\?|$)", "/postgres");
        try (Connection admin = DriverManager.getConnection(maintenance, postgres.username(), postgres.password());
                Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

                publish(TestArticles.published(article));

                // several attempts failed, none gave up
                eventually().until(() -> events("failed") >= failed + 3);
            }
            finally {
                sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            }
        }

        eventually().untilAsserted(() -> http.get().uri("/api/v1/articles/{id}", article.id()).exchange()
                .expectStatus().isOk());
        assertThat(allDeadLetters(article.id())).isEmpty();
    }
}
