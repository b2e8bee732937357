package news.prokash.ingest.article;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.Edition;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * Turns a validated {@link IngestRequest} into the first version of an {@link Article}: text in
 * Unicode NFC (Bengali has several byte sequences for one visible word; search and slugs must see
 * one), body sanitized, a new id, slug and URL. {@code updatedAt} is "now" at the offset of the
 * editor's {@code publishedAt}, so both times of one article read in the same zone.
 */
final class ArticleFactory {

    private final HtmlSanitizer sanitizer;
    private final ArticleIds ids;
    private final Clock clock;
    private final String siteBaseUrl;
    private final String defaultLanguage;

    ArticleFactory(HtmlSanitizer sanitizer, ArticleIds ids, Clock clock, SiteProperties site, String defaultLanguage) {
        this.sanitizer = sanitizer;
        this.ids = ids;
        this.clock = clock;
        this.siteBaseUrl = site.baseUrl();
        this.defaultLanguage = defaultLanguage;
    }

    /** Requires a request that passed bean validation (see {@link IngestRequest}). */
    Article create(IngestRequest request) {
        return build(ids.next().toString(), 1, ArticleStatus.PUBLISHED, request, null);
    }

    /**
     * The full replacement of {@code current} by the request, at {@code version}: same id and status;
     * the slug stays unless the editor sends one (a published URL should not move by accident).
     */
    Article update(Article current, IngestRequest request, long version) {
        return build(current.id(), version, current.status(), request, current.slug());
    }

    /** The article in another status at a new version, changed now. */
    Article withStatus(Article current, ArticleStatus status, long version) {
        return current.withStatus(status, version, now(current.publishedAt()));
    }

    private Article build(String id, long version, ArticleStatus status, IngestRequest request,
            @Nullable String currentSlug) {
        String headline = required(nfcTrimmed(request.headline()));
        String section = required(request.section());
        // normalized after sanitizing: the parser decodes entities, which may spell a decomposed form
        HtmlSanitizer.SanitizedBody body = sanitizer.sanitize(required(request.bodyHtml()));
        OffsetDateTime publishedAt = Rfc3339.parse(required(request.publishedAt()));
        OffsetDateTime updatedAt = now(publishedAt);
        String slug = request.slug() == null && currentSlug != null ? currentSlug
                : Slugs.slugFor(request.slug(), headline, id);
        String language = request.language() == null ? defaultLanguage : request.language();
        return new Article(id, version, status, headline,
                nfcTrimmed(request.kicker()), nfcTrimmed(request.summary()),
                required(nfc(body.html())), required(nfc(body.text())), section, tags(request.tags()),
                required(nfcTrimmed(request.byline())), Edition.fromWireName(required(request.edition())), language,
                publishedAt, updatedAt, leadImage(request.leadImage()), nfcTrimmed(request.source()),
                slug, url(section, slug));
    }

    /** The article under its headline and whole id: for when its derived slug met another article's. */
    Article withUniqueSlug(Article article) {
        String slug = Slugs.uniqueSlugFor(article.headline(), article.id());
        return article.withSlug(slug, url(article.section(), slug));
    }

    /** The event that brings a new article into the world. */
    static ArticlePublished published(Article article) {
        return new ArticlePublished(article.id(), 1, article.updatedAt().toInstant(), article);
    }

    private String url(String section, String slug) {
        return siteBaseUrl + "/" + section + "/" + slug;
    }

    Instant now() {
        return clock.instant();
    }

    private OffsetDateTime now(OffsetDateTime publishedAt) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(publishedAt.getOffset()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Trimmed, NFC, without repeats (a tag listed twice is one tag), order kept. */
    private static List<String> tags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            unique.add(required(nfcTrimmed(tag)));
        }
        return List.copyOf(unique);
    }

    private static @Nullable LeadImage leadImage(IngestRequest.@Nullable LeadImageRequest image) {
        if (image == null) {
            return null;
        }
        return new LeadImage(required(image.url()).strip(), nfcTrimmed(image.caption()), nfcTrimmed(image.credit()));
    }

    private static @Nullable String nfc(@Nullable String text) {
        return text == null ? null : Nfc.normalize(text);
    }

    /** NFC and trimmed; an optional field sent as "" or spaces is absent. */
    private static @Nullable String nfcTrimmed(@Nullable String text) {
        String normalized = nfc(text);
        return normalized == null || normalized.isBlank() ? null : normalized.strip();
    }

    private static <T> T required(@Nullable T value) {
        return Objects.requireNonNull(value, "validated before");
    }
}
