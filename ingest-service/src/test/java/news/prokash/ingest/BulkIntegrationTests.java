package news.prokash.ingest;

import java.util.List;
import java.util.Map;

import news.prokash.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** NDJSON bulk create: per-line answers, bad lines do not sink good ones. */
class BulkIntegrationTests extends IngestIntegrationSupport {

    @Test
    void shouldAcceptTheGoodLinesAndExplainTheBadOnes() {
        String line = SEED.replace("\n", "");
        String ndjson = String.join("\n",
                line,
                "{\"headline\": ",                                             // 2: malformed JSON
                line.replace("\"international\"", "\"weather\""),             // 3: invalid section
                "",                                                            // 4: blank, skipped
                line.replace("\"bodyHtml\": \"<p>", "\"bodyHtml\": \"<script>alert(1)</script><p>"), // 5: script
                line.replace("\"tags\": [", "\"tags\": 5, \"x\": ["),          // 6: wrong type
                line) + "\n";

        BulkAnswer answer = http.post().uri("/api/v1/articles/bulk")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson)
                .exchange()
                .expectStatus().isOk()
                .expectBody(BulkAnswer.class).returnResult().getResponseBody();

        assertThat(answer).isNotNull();
        assertThat(answer.accepted()).isEqualTo(2);
        assertThat(answer.rejected()).isEqualTo(4);
        assertThat(answer.results()).extracting(LineResult::line).containsExactly(1, 2, 3, 5, 6, 7);
        assertThat(answer.results().get(0).version()).isEqualTo(1);
        assertThat(answer.results().get(1).problem()).containsEntry("status", 400);
        assertThat(answer.results().get(2).problem().get("errors").toString()).contains("section");
        assertThat(answer.results().get(3).problem().get("errors").toString()).contains("bodyHtml");
        assertThat(answer.results().get(4).problem().get("errors").toString()).contains("tags");
        var onTheLog = readToTheEnd().stream().map(r -> EventCodec.decodeArticleEvent(r.value()).articleId()).toList();
        assertThat(onTheLog).containsExactlyInAnyOrder(answer.results().get(0).id(), answer.results().get(5).id());
    }

    @Test
    void shouldTakeThousandsOfLinesInOneRequest() {
        String line = SEED.replace("\n", "") + "\n";
        String ndjson = line.repeat(1_200);

        BulkAnswer answer = http.post().uri("/api/v1/articles/bulk")
                .headers(h -> h.setBearerAuth(editor()))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson)
                .exchange()
                .expectStatus().isOk()
                .expectBody(BulkAnswer.class).returnResult().getResponseBody();

        assertThat(answer.accepted()).isEqualTo(1_200);
        assertThat(readToTheEnd()).hasSize(1_200);
    }

    record LineResult(int line, String id, Long version, Map<String, Object> problem) {
    }

    record BulkAnswer(int accepted, int rejected, List<LineResult> results) {
    }
}
