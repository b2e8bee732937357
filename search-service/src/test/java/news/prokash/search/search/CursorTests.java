package news.prokash.search.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

class CursorTests {

    private final Instant now = Instant.parse("2025-07-13T04:42:00Z");

    @Test
    void shouldRoundTripScoreDateAndIdExactly() {
        Cursor cursor = new Cursor(SortOrder.relevance, now,
                List.of(FieldValue.of(3.1415927f), FieldValue.of(1752381720000L), FieldValue.of("a-1")));

        Cursor back = Cursor.decode(cursor.encode(), SortOrder.relevance);

        assertThat(back.now()).isEqualTo(now);
        assertThat((float) back.after().get(0).doubleValue()).isEqualTo(3.1415927f);
        assertThat(back.after().get(1).longValue()).isEqualTo(1752381720000L);
        assertThat(back.after().get(2).stringValue()).isEqualTo("a-1");
        assertThat(cursor.encode()).doesNotContain("=").doesNotContain("+").doesNotContain("/");
    }

    @Test
    void shouldRejectACursorOfAnotherOrderOrNoCursorAtAll() {
        String newest = new Cursor(SortOrder.newest, now, List.of(FieldValue.of(1L), FieldValue.of("a"))).encode();

        assertThatThrownBy(() -> Cursor.decode(newest, SortOrder.relevance)).isInstanceOf(InvalidRequestException.class);
        for (String junk : List.of("", "!!!", "bm90IGpzb24", "e30", "eyJzb3J0IjoibmV3ZXN0In0")) {
            assertThatThrownBy(() -> Cursor.decode(junk, SortOrder.newest)).isInstanceOf(InvalidRequestException.class);
        }
    }
}
