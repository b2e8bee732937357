package news.prokash.article.article;

import java.util.List;
import java.util.concurrent.TimeUnit;

import news.prokash.article.config.ArticleProperties;
import news.prokash.article.config.FieldProblem;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleEvent;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.EventCodec;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read API. Caching: an article is stable between versions and its ETag is its version, so it
 * may be cached for minutes and revalidated cheaply (a correction or an unpublish reaches readers
 * within {@link #ARTICLE_CACHE}); the latest list changes with every publication and scheduled
 * articles enter it at their time, so it is cached for seconds, served stale while a CDN refreshes
 * it, and its ETag is a hash of the body ({@code ShallowEtagHeaderFilter}).
 */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    static final int MAX_LIMIT = 50;

    static final int MAX_TAG_LENGTH = 100;

    static final CacheControl ARTICLE_CACHE = CacheControl.maxAge(300, TimeUnit.SECONDS).cachePublic()
            .staleWhileRevalidate(60, TimeUnit.SECONDS);

    static final CacheControl LIST_CACHE = CacheControl.maxAge(15, TimeUnit.SECONDS).cachePublic()
            .staleWhileRevalidate(45, TimeUnit.SECONDS);

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final ArticleRepository articles;

    private final ArticleProperties properties;

    private final JsonMapper json;

    ArticleController(ArticleRepository articles, ArticleProperties properties, JsonMapper json) {
        this.articles = articles;
        this.properties = properties;
        this.json = json;
    }

    /**
     * The সর্বশেষ list: published and due articles, newest first, optionally of one section and/or
     * one tag; {@code nextCursor} fetches the next page, unaffected by articles published meanwhile.
     */
    @GetMapping("/latest")
    ResponseEntity<ArticleList> latest(@RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) @Nullable String section, @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (section != null && !properties.sections().contains(section)) {
            throw badRequest("section", "must be one of " + String.join(", ", properties.sections()));
        }
        if (tag != null && (tag.isBlank() || tag.length() > MAX_TAG_LENGTH)) {
            throw badRequest("tag", "must have 1 to " + MAX_TAG_LENGTH + " characters");
        }
        LatestCursor after = null;
        if (cursor != null) {
            after = LatestCursor.decode(cursor).orElseThrow(() -> badRequest("cursor", "is not a cursor of this list"));
        }
        List<ArticleSummary> items = articles.latest(new ArticleRepository.LatestQuery(section, tag, after, limit));
        String next = null;
        if (items.size() == limit) {
            ArticleSummary last = items.getLast();
            next = new LatestCursor(last.publishedAt().toInstant(), last.id(), last.position()).encode();
        }
        return ResponseEntity.ok().cacheControl(LIST_CACHE).body(new ArticleList(items, next));
    }

    /**
     * The full article plus display strings ({@link ArticleView}), as rendered when its version was
     * applied; the ETag is its version, as ingest answers it.
     */
    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ArticleView.class)))
    ResponseEntity<byte[]> article(@PathVariable String id) {
        return answer(articles.findViewById(id).orElse(null));
    }

    @GetMapping("/by-slug/{slug}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ArticleView.class)))
    ResponseEntity<byte[]> bySlug(@PathVariable String slug) {
        return answer(articles.findViewBySlug(slug).orElse(null));
    }

    /**
     * schema.org {@code NewsArticle} for the article page's {@code <script type="application/ld+json">}.
     * It is pasted into HTML as it is, so {@code < > &} are written as JSON escapes: a headline
     * "</script><script>…" cannot end the script element (the JSON means the same).
     */
    @GetMapping(path = "/{id}/jsonld", produces = "application/ld+json")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/ld+json"))
    ResponseEntity<byte[]> jsonLd(@PathVariable String id) {
        Article article = visible(articles.findById(id).orElse(null));
        byte[] body = json.writer().with(ScriptSafeEscapes.INSTANCE)
                .writeValueAsBytes(NewsArticleJsonLd.of(article, properties));
        return ResponseEntity.ok().eTag(String.valueOf(article.version())).cacheControl(ARTICLE_CACHE)
                .contentType(JSON_LD).body(body);
    }

    /** JSON's standard escapes plus {@code < > &} as {@code \u003c} and so on. */
    static final class ScriptSafeEscapes extends CharacterEscapes {

        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();

        private final int[] ascii = standardAsciiEscapesForJSON();

        private ScriptSafeEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** Every version consumed, oldest first; as visible as the article itself. */
    @GetMapping("/{id}/versions")
    ResponseEntity<ArticleVersions> versions(@PathVariable String id) {
        Article article = visible(articles.findById(id).orElse(null));
        return ResponseEntity.ok().eTag(String.valueOf(article.version())).cacheControl(ARTICLE_CACHE)
                .body(new ArticleVersions(id, articles.versions(id)));
    }

    @GetMapping("/{id}/versions/{version}")
    ResponseEntity<ArticleVersions.Detail> version(@PathVariable String id, @PathVariable long version) {
        visible(articles.findById(id).orElse(null));
        byte[] event = articles.versionEvent(id, version).orElseThrow(ArticleNotFoundException::new);
        ArticleEvent decoded = EventCodec.decodeArticleEvent(event);
        // a version never changes: cache it for long
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic())
                .body(new ArticleVersions.Detail(decoded.version(), decoded.getClass().getSimpleName(),
                        decoded.occurredAt(), decoded.article()));
    }

    private static ResponseEntity<byte[]> answer(ArticleRepository.@Nullable StoredView stored) {
        byte[] json = stored == null ? null : visible(stored.status(), stored.due(), stored.json());
        if (stored == null || json == null) {
            throw new ArticleNotFoundException();
        }
        // If-None-Match with this ETag gets 304 from Spring MVC; the stored text is sent as it is
        return ResponseEntity.ok().eTag(String.valueOf(stored.version())).cacheControl(ARTICLE_CACHE)
                .contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static Article visible(ArticleRepository.@Nullable StoredArticle stored) {
        Article article = stored == null ? null : visible(stored.status(), stored.due(), stored.article());
        if (article == null) {
            throw new ArticleNotFoundException();
        }
        return article;
    }

    /** Readers see published articles whose time has come; deleted ones are gone (410), the rest unknown (404). */
    private static <T> @Nullable T visible(ArticleStatus status, boolean due, @Nullable T content) {
        if (status == ArticleStatus.DELETED) {
            throw new ArticleGoneException();
        }
        if (status != ArticleStatus.PUBLISHED || !due) {
            throw new ArticleNotFoundException();
        }
        return content;
    }

    private static ErrorResponseException badRequest(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, FieldProblem.badRequest(field, message), null);
    }
}
