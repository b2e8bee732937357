package news.prokash.ingest;

import java.util.List;

import news.prokash.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** How an article's row is laid out in PostgreSQL (migration V2, {@code StoredEvents}). */
class StoredRowIntegrationTests extends IngestIntegrationSupport {

    /**
     * A seed-sized article's event is stored LZ4-compressed by the service, as it is (PostgreSQL does not
     * compress it again), in the table rather than in TOAST chunks; and it is what the next change starts from.
     */
    @Test
    void shouldStoreTheEventCompressedByTheServiceInTheTable() {
        String line = seedWithBody(SeedWords.bodyHtml(4_000, 7)).replace("\n", "");

        BulkIntegrationTests.BulkAnswer answer = http.post().uri("/api/v1/articles/bulk")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(line + "\n")
                .exchange()
                .expectStatus().isOk()
                .expectBody(BulkIntegrationTests.BulkAnswer.class).returnResult().getResponseBody();

        assertThat(answer).isNotNull();
        assertThat(answer.accepted()).isEqualTo(1);
        String id = answer.results().getFirst().id();
        byte[] sent = readToTheEnd().getFirst().value();
        List<Object> layout = jdbc.sql("""
                select octet_length(event) as bytes, get_byte(event, 0) as marker,
                       pg_column_size(event) >= octet_length(event) as as_given,
                       pg_column_toast_chunk_id(event) is null as in_table
                from ingest.article where id = ?""")
                .param(id)
                .query((rs, n) -> List.<Object>of(rs.getInt("bytes"), rs.getInt("marker"), rs.getBoolean("as_given"),
                        rs.getBoolean("in_table")))
                .single();
        assertThat(sent.length).as("the event on the log").isGreaterThan(8_000);
        assertThat((Integer) layout.get(0)).as("stored bytes").isLessThan(sent.length * 2 / 3);
        assertThat(layout.get(1)).as("the LZ4 marker").isEqualTo(1);
        assertThat(layout.get(2)).as("not compressed again by PostgreSQL").isEqualTo(true);
        assertThat(layout.get(3)).as("kept in the table, not cut into TOAST chunks").isEqualTo(true);

        // unpublishing starts from the stored event: the next event carries the same article
        http.post().uri("/api/v1/articles/{id}/unpublish", id)
                .headers(h -> h.setBearerAuth(editor()))
                .header("If-Match", "\"1\"")
                .exchange()
                .expectStatus().is2xxSuccessful();
        var unpublished = EventCodec.decodeArticleEvent(readToTheEnd().getLast().value());
        var published = EventCodec.decodeArticleEvent(sent);
        assertThat(unpublished.version()).isEqualTo(2);
        assertThat(unpublished.article().bodyHtml()).isEqualTo(published.article().bodyHtml());
    }
}
