package news.prokash.ingest.article;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import news.prokash.ingest.article.ArticleIngestService.Accepted;
import news.prokash.ingest.article.ArticleIngestService.Idempotency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editors' API. Every change answers 202 with {@code {id, version}} and {@code ETag: "version"}
 * once its event is on the log; article-service (the Location) serves it once it has consumed it.
 */
@RestController
@RequestMapping("/api/v1/articles")
@SecurityRequirement(name = "bearer")
class ArticleController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"?([1-9][0-9]{0,17})\"?\\s*");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final ArticleIngestService ingest;
    private final IngestRequestValidator validator;
    private final JsonMapper json;
    private final String readApiBaseUrl;

    ArticleController(ArticleIngestService ingest, IngestRequestValidator validator, JsonMapper json,
            IngestProperties properties) {
        this.ingest = ingest;
        this.validator = validator;
        this.json = json;
        this.readApiBaseUrl = properties.readApiBaseUrl().replaceAll("/+$", "");
    }

    @Operation(summary = "Create an article (role editor)", description = """
            A publishedAt in the future schedules the article: it is stored and published as an event now,
            and the read services show it from that time on. A retry with the same Idempotency-Key answers
            the first result; the same key with another body is 422.""")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> create(@RequestBody IngestRequest request,
            @Parameter(description = "any unique string, e.g. a UUID") @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        validator.check(request); // first, as @Valid on the body was
        return accepted(ingest.create(request, idempotency(key, "POST /", null, request)));
    }

    @Operation(summary = "Replace an article (role editor)", description = "If-Match (the ETag the change is based on) is required: 428 without it, 412 if stale.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> update(@PathVariable String id, @RequestBody IngestRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        validator.check(request);
        Long basedOn = version(ifMatch);
        if (basedOn == null) {
            throw ArticleProblem.versionRequired();
        }
        return accepted(ingest.update(id, request, basedOn, idempotency(key, "PUT /" + id, basedOn, request)));
    }

    @Operation(summary = "Take an article off the site (role editor)", description = "If-Match is optional here; unpublishing an unpublished article answers its current version.")
    @PostMapping("/{id}/unpublish")
    ResponseEntity<Accepted> unpublish(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        Long basedOn = version(ifMatch);
        return accepted(ingest.unpublish(id, basedOn, idempotency(key, "UNPUBLISH /" + id, basedOn, null)));
    }

    @Operation(summary = "Delete an article for good (role admin)", description = "If-Match is optional; the slug stays taken.")
    @DeleteMapping("/{id}")
    ResponseEntity<Accepted> delete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        Long basedOn = version(ifMatch);
        return accepted(ingest.delete(id, basedOn, idempotency(key, "DELETE /" + id, basedOn, null)));
    }

    private ResponseEntity<Accepted> accepted(Accepted accepted) {
        return ResponseEntity.accepted()
                .eTag(Long.toString(accepted.version()))
                .location(URI.create(readApiBaseUrl + "/api/v1/articles/" + accepted.id()))
                .body(accepted);
    }

    static @Nullable Long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw ArticleProblem.badVersion();
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * The key and a SHA-256 of what it came with: the operation, the version it was based on and the
     * request as parsed (so a retry that only differs in whitespace or field order is the same request).
     */
    private @Nullable Idempotency idempotency(@Nullable String key, String operation, @Nullable Long basedOn,
            @Nullable IngestRequest request) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ArticleProblem.badKey();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((operation + "\n" + basedOn + "\n").getBytes(StandardCharsets.UTF_8));
            if (request != null) {
                sha.update(json.writeValueAsBytes(request));
            }
            return new Idempotency(key, sha.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
