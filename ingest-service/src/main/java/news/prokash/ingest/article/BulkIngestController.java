package news.prokash.ingest.article;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import news.prokash.ingest.article.BulkIngestService.BulkResult;
import news.prokash.ingest.config.RequestSizeLimitFilter;
import news.prokash.web.LimitedBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Archive and wire imports: thousands of articles in one NDJSON request, one answer per line. */
@RestController
@SecurityRequirement(name = "bearer")
class BulkIngestController {

    static final String NDJSON = "application/x-ndjson";

    private final BulkIngestService bulk;
    private final int maxLineBytes;

    BulkIngestController(BulkIngestService bulk, IngestProperties properties) {
        this.bulk = bulk;
        this.maxLineBytes = (int) properties.maxBody().toBytes(); // a line is one article: a single request's limit
    }

    @Operation(summary = "Create many articles (role editor)", description = """
            One article per line (NDJSON, UTF-8), each as in POST /api/v1/articles. Answers 200 with a result per
            non-blank line: {line, id, version} when its event is on the log, or {line, problem} (400 invalid,
            409 slug taken, 413 a line over 1 MB, 503 not confirmed). One bad line does not stop the others. The body
            may be up to prokash.ingest.max-bulk-body (20 MB); a larger one is 413. After
            prokash.ingest.max-bulk-lines (10,000) articles the next line is 413 too-many-lines and the rest is not read.""")
    @PostMapping(path = "/api/v1/articles/bulk", consumes = NDJSON)
    ResponseEntity<Object> ingest(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            BulkResult result = bulk.ingest(new NdjsonLines(body, maxLineBytes));
            return ResponseEntity.ok(result);
        }
        catch (LimitedBody.TooLargeException e) {
            // a chunked body over the limit: what was read before is answered nowhere, so the caller
            // must split the file; lines already on the log are replayed harmlessly only with new ids
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestSizeLimitFilter.tooLarge(e.limit()));
        }
    }
}
