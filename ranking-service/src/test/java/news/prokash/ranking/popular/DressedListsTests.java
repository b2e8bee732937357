package news.prokash.ranking.popular;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DressedListsTests {

    private static final Instant NOW = Instant.parse("2025-07-13T04:42:00Z");

    private static final DressedLists.Key POPULAR = new DressedLists.Key(ListKind.POPULAR_24H, null, 20);

    private final SummaryCache catalog = new SummaryCache();

    private final DressedLists lists = new DressedLists(catalog, Duration.ofSeconds(1));

    private final PopularLists.Snapshot snapshot = snapshot();

    private final AtomicInteger dressings = new AtomicInteger();

    private final Supplier<List<PopularArticle>> dress = () -> List.of(article("a" + dressings.incrementAndGet()));

    @Test
    void shouldDressOnceWhileTheCountsTheCatalogueAndTheSecondAreTheSame() {
        List<PopularArticle> first = lists.get(POPULAR, snapshot, NOW, dress);
        List<PopularArticle> again = lists.get(POPULAR, snapshot, NOW.plusMillis(999), dress);

        assertThat(again).isSameAs(first);
        assertThat(dressings).hasValue(1);
    }

    @Test
    void shouldDressAgainAtOnceWhenAnArticleChanges() {
        lists.get(POPULAR, snapshot, NOW, dress);
        catalog.changed("a"); // e.g. unpublished: it must leave the list now, not in a second

        assertThat(lists.get(POPULAR, snapshot, NOW.plusMillis(10), dress)).extracting(PopularArticle::id)
                .containsExactly("a2");
    }

    @Test
    void shouldDressAgainForNewCountsOrAfterMaxAge() {
        lists.get(POPULAR, snapshot, NOW, dress);
        lists.get(POPULAR, snapshot(), NOW, dress);
        assertThat(dressings).as("a new snapshot").hasValue(2);

        PopularLists.Snapshot current = snapshot();
        lists.get(POPULAR, current, NOW, dress);
        lists.get(POPULAR, current, NOW.plusSeconds(1), dress);
        assertThat(dressings).as("a second later: a scheduled article may be due").hasValue(4);
    }

    @Test
    void shouldKeepEachKindSectionAndLimitApart() {
        lists.get(POPULAR, snapshot, NOW, dress);
        lists.get(new DressedLists.Key(ListKind.POPULAR_24H, "international", 20), snapshot, NOW, dress);
        lists.get(new DressedLists.Key(ListKind.POPULAR_24H, null, 5), snapshot, NOW, dress);
        lists.get(new DressedLists.Key(ListKind.TRENDING, null, 20), snapshot, NOW, dress);

        assertThat(dressings).hasValue(4);
        assertThat(lists.get(POPULAR, snapshot, NOW, dress)).extracting(PopularArticle::id).containsExactly("a1");
    }

    private static PopularLists.Snapshot snapshot() {
        return new PopularLists.Snapshot(Partial.of(Set.of(0), List.of(), LocalRanking.DEPTH), NOW, Duration.ZERO);
    }

    private static PopularArticle article(String id) {
        return new PopularArticle(1, id, "শিরোনাম", "international", OffsetDateTime.parse("2025-07-13T10:42:00+06:00"),
                "https://prokash.example/international/" + id, null, 1, null);
    }
}
