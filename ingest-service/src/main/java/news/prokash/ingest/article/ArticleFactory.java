package news.prokash.ingest.article;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import news.prokash.contracts.Article;
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

    private static final String DEFAULT_LANGUAGE = "bn";

    private final HtmlSanitizer sanitizer;
    private final ArticleIds ids;
    private final Clock clock;
    private final String siteBaseUrl;

    ArticleFactory(HtmlSanitizer sanitizer, ArticleIds ids, Clock clock, SiteProperties site) {
        this.sanitizer = sanitizer;
        this.ids = ids;
        this.clock = clock;
        this.siteBaseUrl = site.baseUrl();
    }

    /** Requires a request that passed bean validation (see {@link IngestRequest}). */
    Article create(IngestRequest request) {
        String id = ids.next().toString();
        String headline = required(nfcTrimmed(request.headline()));
        String section = required(request.section());
        // normalized after sanitizing: the parser decodes entities, which may spell a decomposed form
        HtmlSanitizer.SanitizedBody body = sanitizer.sanitize(required(request.bodyHtml()));
        OffsetDateTime publishedAt = OffsetDateTime.parse(required(request.publishedAt()));
        OffsetDateTime updatedAt = OffsetDateTime.now(clock)
                .withOffsetSameInstant(publishedAt.getOffset())
                .truncatedTo(ChronoUnit.MILLIS);
        String slug = Slugs.slugFor(request.slug(), headline, id);
        String language = request.language() == null ? DEFAULT_LANGUAGE : request.language();
        return new Article(id, 1, ArticleStatus.PUBLISHED, headline,
                nfcTrimmed(request.kicker()), nfcTrimmed(request.summary()),
                required(nfc(body.html())), required(nfc(body.text())), section, tags(request.tags()),
                required(nfcTrimmed(request.byline())), Edition.fromWireName(required(request.edition())), language,
                publishedAt, updatedAt, leadImage(request.leadImage()), nfcTrimmed(request.source()),
                slug, siteBaseUrl + "/" + section + "/" + slug);
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
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
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
