package news.prokash.ingest;

import java.util.List;
import java.util.UUID;

import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Update, unpublish, delete, versions, slugs and Idempotency-Key against real Kafka and PostgreSQL. */
class LifecycleIntegrationTests extends IngestIntegrationSupport {

    @Test
    void shouldRaiseTheVersionWithEveryChangeAndPublishTheMatchingEvents() {
        Accepted created = create(SEED, null);
        String updatedBody = SEED.replace("কিম জং উন\",", "কিম জং উন, বললেন তাস\",");

        http.put().uri("/api/v1/articles/{id}", created.id())
                .headers(h -> {
                    h.setBearerAuth(editor());
                    h.setIfMatch("\"1\"");
                })
                .contentType(MediaType.APPLICATION_JSON).body(updatedBody)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2);
        http.post().uri("/api/v1/articles/{id}/unpublish", created.id())
                .headers(h -> h.setBearerAuth(editor()))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("ETag", "\"3\"");
        http.delete().uri("/api/v1/articles/{id}", created.id())
                .headers(h -> h.setBearerAuth(admin()))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("ETag", "\"4\"");

        List<ArticleEvent> events = readToTheEnd().stream().map(r -> EventCodec.decodeArticleEvent(r.value())).toList();
        assertThat(events).extracting(ArticleEvent::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.get(1)).isInstanceOf(ArticleUpdated.class);
        assertThat(events.get(1).article().headline()).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন, বললেন তাস");
        assertThat(events.get(1).article().slug()).as("kept on update").isEqualTo(events.get(0).article().slug());
        assertThat(events.get(2)).isInstanceOf(ArticleUnpublished.class);
        assertThat(events.get(2).article().status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(events.get(3)).isInstanceOf(ArticleDeleted.class);

        http.put().uri("/api/v1/articles/{id}", created.id())
                .headers(h -> {
                    h.setBearerAuth(editor());
                    h.setIfMatch("\"4\"");
                })
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GONE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseAStaleOrMissingVersionAndChangeNothing() {
        Accepted created = create(SEED, null);
        readToTheEnd();

        http.put().uri("/api/v1/articles/{id}", created.id())
                .headers(h -> {
                    h.setBearerAuth(editor());
                    h.setIfMatch("\"7\"");
                })
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(1);
        http.put().uri("/api/v1/articles/{id}", created.id())
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/v1/articles/{id}", UUID.randomUUID())
                .headers(h -> {
                    h.setBearerAuth(editor());
                    h.setIfMatch("\"1\"");
                })
                .contentType(MediaType.APPLICATION_JSON).body(SEED)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(readToTheEnd()).isEmpty();
        assertThat(storedVersion(created.id())).isEqualTo(1);
    }

    @Test
    void shouldKeepSlugsUniqueAndLetTheEditorChooseOne() {
        String slug = "kim-backs-russia-" + Long.toHexString(System.nanoTime());
        Accepted first = create(SEED.replace("\"slug\": null", "\"slug\": \"" + slug + "\""), null);

        http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(SEED.replace("\"slug\": null", "\"slug\": \"" + slug + "\""))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.slug").isEqualTo(slug);

        List<ArticleEvent> events = readToTheEnd().stream().map(r -> EventCodec.decodeArticleEvent(r.value())).toList();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().articleId()).isEqualTo(first.id());
        assertThat(events.getFirst().article().slug()).isEqualTo(slug);
        assertThat(events.getFirst().article().url()).isEqualTo("https://prokash.example/international/" + slug);
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameIdempotencyKeyAndRefuseItForAnotherBody() {
        String key = UUID.randomUUID().toString();
        Accepted first = create(SEED, key);
        // the same request, formatted differently: the same request
        Accepted again = create(SEED.replace("\n", " "), key);

        http.post().uri("/api/v1/articles")
                .headers(h -> {
                    h.setBearerAuth(editor());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(SEED.replace("কালবেলা ডেস্ক", "অন্য ডেস্ক"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://prokash.example/problems/idempotency-key-reused");

        assertThat(again).isEqualTo(first);
        assertThat(readToTheEnd()).hasSize(1);
        assertThat(jdbc.sql("select article_id from ingest.idempotency_key where key = ?").param(key)
                .query(String.class).single()).as("kept in PostgreSQL, so it survives a restart").isEqualTo(first.id());
    }

    private Accepted create(String body, String key) {
        Accepted accepted = http.post().uri("/api/v1/articles")
                .headers(h -> {
                    h.setBearerAuth(editor());
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Accepted.class).returnResult().getResponseBody();
        assertThat(accepted).isNotNull();
        return accepted;
    }

    private long storedVersion(String id) {
        return jdbc.sql("select version from ingest.article where id = ?").param(id).query(Long.class).single();
    }
}
