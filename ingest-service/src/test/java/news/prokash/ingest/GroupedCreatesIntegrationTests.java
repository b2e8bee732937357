package news.prokash.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.Article;
import news.prokash.contracts.EventCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent single creates share a transaction (group commit, {@code GroupedCreates}); each must still get
 * exactly the answer, row and event it would have had alone: derived slugs that meet are renamed, an editor's
 * slug that is taken is a 409 for that create only, a retried Idempotency-Key gets the first answer, and a key
 * that another transaction commits while the group waits for it undoes the group, whose creates then run alone.
 */
class GroupedCreatesIntegrationTests extends IngestIntegrationSupport {

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    /** An answer: status and body. */
    private record Answer(int status, String body) {
    }

    @Test
    void shouldAnswerEachOfManyConcurrentCreatesAsIfItHadComeAlone() throws Exception {
        String run = Long.toHexString(System.nanoTime());
        String sameHeadline = SEED.replace("রাশিয়ার পাশে আছেন কিম জং উন", "একই শিরোনাম " + run);
        String editorsSlug = SEED.replace("\"slug\": null", "\"slug\": \"grouped-" + run + "\"");
        List<String> retriedKeys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            requests.add(new Request(sameHeadline, null)); // one headline: slugs apart by their ids
        }
        for (int i = 0; i < 8; i++) {
            requests.add(new Request(SEED, UUID.randomUUID().toString()));
        }
        for (String key : retriedKeys) {
            for (int i = 0; i < 3; i++) {
                requests.add(new Request(SEED, key)); // a client retrying at once: one article
            }
        }
        requests.add(new Request(editorsSlug, null));
        requests.add(new Request(editorsSlug, null)); // the same slug from an editor: one of them gets 409
        long groupsBefore = groups().count();

        List<Answer> answers = sendAtOnce(requests);

        List<Answer> accepted = answers.stream().filter(a -> a.status() == 202).toList();
        List<Answer> conflicts = answers.stream().filter(a -> a.status() == 409).toList();
        assertThat(accepted).as("all but the second editor's slug: %s", answers).hasSize(requests.size() - 1);
        assertThat(conflicts).singleElement().satisfies(a -> assertThat(a.body()).contains("slug-taken"));
        Set<String> ids = accepted.stream().map(a -> id(a.body())).collect(Collectors.toSet());
        assertThat(ids).as("a retried key answers the first article").hasSize(requests.size() - 1 - 4);

        Map<String, Article> published = readToTheEnd().stream()
                .map(r -> EventCodec.decodeArticleEvent(r.value()).article())
                .collect(Collectors.toMap(Article::id, article -> article));
        assertThat(published.keySet()).as("each accepted article on the log exactly once").isEqualTo(ids);
        assertThat(published.values().stream().map(Article::slug).collect(Collectors.toSet())).hasSize(ids.size());
        for (String id : ids) {
            assertThat(jdbc.sql("select slug from article where id = ?").param(id).query(String.class).single())
                    .isEqualTo(published.get(id).slug());
        }
        for (String key : retriedKeys) {
            assertThat(jdbc.sql("select count(*) from idempotency_key where key = ?").param(key).query(Long.class)
                    .single()).isEqualTo(1);
        }
        assertThat(groups().count() - groupsBefore).as("fewer transactions than creates")
                .isLessThan(requests.size());
        assertThat(groups().max()).as("some creates were written together").isGreaterThan(1);
    }

    @Test
    void shouldUndoTheGroupWhenAnotherTransactionCommitsItsKeyMeanwhileAndAnswerEachCreateAlone() throws Exception {
        String key = UUID.randomUUID().toString();
        long articlesBefore = jdbc.sql("select count(*) from article").query(Long.class).single();
        try (Connection other = dataSource.getConnection()) {
            // another request's transaction holds the key, not yet committed, with another body's fingerprint
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into ingest.idempotency_key"
                    + " (key, fingerprint, article_id, version) values (?, ?, 'another-article', 1)")) {
                insert.setString(1, key);
                insert.setBytes(2, new byte[32]);
                insert.executeUpdate();
            }
            try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
                Future<Answer> create = pool.submit(() -> send(new Request(SEED, key)));
                awaitAWaitingLock();
                other.commit();
                Answer answer = create.get();

                assertThat(answer.status()).as(answer.body()).isEqualTo(422);
                assertThat(answer.body()).contains("idempotency-key-reused");
            }
        }
        assertThat(readToTheEnd()).as("nothing published for it").isEmpty();
        assertThat(jdbc.sql("select count(*) from article").query(Long.class).single())
                .as("its row, written in the undone group, is gone").isEqualTo(articlesBefore);
    }

    private record Request(String body, @Nullable String key) {
    }

    private List<Answer> sendAtOnce(List<Request> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests.size())) {
            for (Request request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(request);
                }));
            }
            start.countDown();
            List<Answer> all = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                all.add(answer.get());
            }
            return all;
        }
    }

    private Answer send(Request request) {
        EntityExchangeResult<String> result = http.post().uri("/api/v1/articles")
                .headers(h -> {
                    h.setBearerAuth(editor());
                    if (request.key() != null) {
                        h.set("Idempotency-Key", request.key());
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).body(request.body())
                .exchange()
                .expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), String.valueOf(result.getResponseBody()));
    }

    private static String id(String acceptedBody) {
        int at = acceptedBody.indexOf("\"id\":\"") + 6;
        return acceptedBody.substring(at, acceptedBody.indexOf('"', at));
    }

    private DistributionSummary groups() {
        return meters.get("prokash.ingest.create.group").summary();
    }

    /** Until some statement of the service waits for a lock (the key's row): its group has written its rows. */
    private void awaitAWaitingLock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("a create waits for the key within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
