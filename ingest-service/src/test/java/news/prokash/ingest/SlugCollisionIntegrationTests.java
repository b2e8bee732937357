package news.prokash.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import news.prokash.contracts.Article;
import news.prokash.contracts.EventCodec;
import news.prokash.ingest.article.SameSuffixIds;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derived slugs end in the last 8 characters of the id, so two articles with one headline can meet
 * (about once in 2^32 / n; the benchmark's 100,000 identical headlines met it once). Here every id
 * shares those characters, so every article after the first meets it: each must still be accepted,
 * under a slug with its whole id, while an editor's own slug that is taken stays a 409.
 */
@Import(SameSuffixIds.Config.class)
class SlugCollisionIntegrationTests extends IngestIntegrationSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
    };

    @Test
    void shouldGiveADerivedSlugThatIsTakenTheWholeIdInsteadOfRefusingTheArticle() {
        Accepted first = create(SEED);
        Accepted second = create(SEED);

        Map<String, Article> published = readToTheEnd().stream()
                .map(r -> EventCodec.decodeArticleEvent(r.value()).article())
                .collect(Collectors.toMap(Article::id, article -> article));
        assertThat(published).containsOnlyKeys(first.id(), second.id());
        Article renamed = published.get(second.id());
        String compactId = second.id().replace("-", "");
        assertThat(renamed.slug()).isEqualTo("rashiyar-pashe-achhen-kim-jong-un-" + compactId)
                .isNotEqualTo(published.get(first.id()).slug());
        assertThat(renamed.url()).isEqualTo("https://prokash.example/international/" + renamed.slug());
        assertThat(jdbc.sql("select slug from article where id = ?").param(second.id()).query(String.class).single())
                .isEqualTo(renamed.slug());
    }

    @Test
    void shouldRenameEveryCollidingLineOfABulkRequest() {
        String line = SEED.replace("\n", "") + "\n";
        BulkIntegrationTests.BulkAnswer answer = http.post().uri("/api/v1/articles/bulk")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(line.repeat(3))
                .exchange()
                .expectStatus().isOk()
                .expectBody(BulkIntegrationTests.BulkAnswer.class).returnResult().getResponseBody();

        assertThat(answer).isNotNull();
        assertThat(answer.accepted()).isEqualTo(3);
        List<String> slugs = readToTheEnd().stream()
                .map(r -> EventCodec.decodeArticleEvent(r.value()).article().slug()).toList();
        assertThat(slugs).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void shouldRenameEveryCollidingCreateOfAGroupWrittenTogether() throws Exception {
        int creates = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Accepted>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(creates)) {
            for (int i = 0; i < creates; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(SEED); // at once: written together (group commit), where the slugs meet
                }));
            }
            start.countDown();
            for (Future<Accepted> answer : answers) {
                assertThat(answer.get()).isNotNull();
            }
        }

        List<Article> published = readToTheEnd().stream().map(r -> EventCodec.decodeArticleEvent(r.value()).article())
                .toList();
        assertThat(published).hasSize(creates);
        assertThat(published.stream().map(Article::slug).distinct()).hasSize(creates);
        assertThat(published).filteredOn(a -> a.slug().endsWith("-" + a.id().replace("-", "")))
                .as("all but perhaps the first renamed by its whole id").hasSizeGreaterThanOrEqualTo(creates - 1);
        for (Article article : published) {
            assertThat(jdbc.sql("select slug from article where id = ?").param(article.id()).query(String.class)
                    .single()).isEqualTo(article.slug());
        }
    }

    @Test
    void shouldStillRefuseAnEditorsSlugThatIsTaken() {
        String slug = "kim-in-moscow-" + System.nanoTime();
        String mine = SEED.replace("\"slug\": null", "\"slug\": \"" + slug + "\"");
        create(mine);
        Map<String, Object> problem = http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(mine)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(PROBLEM).returnResult().getResponseBody();
        assertThat(problem).containsEntry("slug", slug);
        assertThat(problem.get("type").toString()).endsWith("/slug-taken");
        assertThat(readToTheEnd()).hasSize(1);
    }

    private Accepted create(String body) {
        return http.post().uri("/api/v1/articles")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Accepted.class).returnResult().getResponseBody();
    }
}
