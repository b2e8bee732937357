package news.prokash.ingest.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTests {

    @Test
    void shouldMakeVersion7UuidsCarryingTheTime() {
        Instant now = Instant.parse("2025-07-13T04:42:00.123Z");
        UUID id = new ArticleIds(Clock.fixed(now, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void shouldSortInCreationOrderEvenWithinOneMillisecond() {
        ArticleIds ids = new ArticleIds(Clock.fixed(Instant.parse("2025-07-13T04:42:00Z"), ZoneOffset.UTC));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            created.add(ids.next().toString());
        }

        assertThat(created).isSorted().doesNotHaveDuplicates();
    }
}
