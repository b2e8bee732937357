package news.prokash.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.prokash.contracts.ArticleStatus;
import news.prokash.ingest.article.ArticleIngestService.Accepted;
import news.prokash.ingest.article.NewArticleWriter.Created;
import news.prokash.ingest.article.NewArticleWriter.Draft;
import news.prokash.ingest.article.NewArticleWriter.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The group commit's hand-over of the lead, with a writer that only answers each draft by its id. */
class GroupedCreatesTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Answers every draft with its own id; counts how many groups it writes at once and their sizes. */
    private static final class Writer {
        final AtomicInteger writing = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();

        List<Outcome> write(List<Draft> group) {
            mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
            try {
                sizes.add(group.size());
                Thread.sleep(2); // a transaction's round trips and Kafka's acknowledgement
                return group.stream().<Outcome>map(d -> new Created(new Accepted(d.row().id(), 1))).toList();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            finally {
                writing.decrementAndGet();
            }
        }
    }

    @ParameterizedTest(name = "{0} group(s) in flight")
    @ValueSource(ints = { 1, 2 })
    void shouldGiveEveryConcurrentCreateItsOwnOutcomeWritingAtMostTheGroupsInFlightAtOnce(int inFlight)
            throws Exception {
        Writer writer = new Writer();
        GroupedCreates groups = new GroupedCreates(writer::write, 16, inFlight, registry);
        int threads = 48;
        int each = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                answers.add(pool.submit(() -> {
                    start.await();
                    List<String> mismatched = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String id = thread + "-" + i;
                        Outcome outcome = groups.create(draft(id));
                        if (!(outcome instanceof Created created) || !created.accepted().id().equals(id)) {
                            mismatched.add(id + " got " + outcome);
                        }
                    }
                    return mismatched;
                }));
            }
            start.countDown();
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get()).as("each create's outcome is its own").isEmpty();
            }
        }
        assertThat(writer.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * each);
        assertThat(writer.mostAtOnce.get()).as("groups written at once").isEqualTo(inFlight);
        assertThat(writer.sizes).allSatisfy(size -> assertThat(size).isBetween(1, 16));
        assertThat(writer.sizes.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("creates that wait while a group is written go together").isGreaterThan(1);
        assertThat(registry.get("prokash.ingest.create.group").summary().count()).isEqualTo(writer.sizes.size());
    }

    @Test
    void shouldWriteALoneCreateAtOnceByItself() {
        Writer writer = new Writer();
        GroupedCreates groups = new GroupedCreates(writer::write, 64, 2, registry);

        assertThat(groups.create(draft("a"))).isEqualTo(new Created(new Accepted("a", 1)));
        assertThat(groups.create(draft("b"))).isEqualTo(new Created(new Accepted("b", 1)));
        assertThat(writer.sizes).containsExactly(1, 1);
    }

    @Test
    void shouldFailTheWholeGroupWhenTheWriterFailsAndLeadTheNextOneAfterwards() {
        AtomicInteger calls = new AtomicInteger();
        GroupedCreates groups = new GroupedCreates(group -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a bug in the writer");
            }
            return group.stream().<Outcome>map(d -> new Created(new Accepted(d.row().id(), 1))).toList();
        }, 64, 2, registry);

        assertThatIllegalStateException().isThrownBy(() -> groups.create(draft("a"))).withMessage("a bug in the writer");
        assertThat(groups.create(draft("b"))).as("the lead was given back").isEqualTo(new Created(new Accepted("b", 1)));
    }

    private static Draft draft(String id) {
        return new Draft(new StoredArticle(id, 1, ArticleStatus.PUBLISHED, "slug-" + id, new byte[0]), true, null);
    }
}
