package news.prokash.contracts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An article as published: everything the website needs to render the page. Field names are the
 * public contract, shared by the ingest request, the events and the read APIs.
 *
 * @param bodyHtml sanitized HTML (ingest applies the allow-list before anything is published)
 * @param bodyText the body as plain text, for search and summaries
 * @param publishedAt publish time with the editor's offset (Dhaka is +06:00); may lie in the
 *     future for a scheduled article, which no list shows before that time
 */
public record Article(
        String id,
        long version,
        ArticleStatus status,
        String headline,
        @Nullable String kicker,
        @Nullable String summary,
        String bodyHtml,
        String bodyText,
        String section,
        List<String> tags,
        String byline,
        Edition edition,
        String language,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        @Nullable LeadImage leadImage,
        @Nullable String source,
        String slug,
        String url) {

    public Article {
        // a consumer must never see half an article: reject it at the edge of the wire format
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(bodyText, "bodyText");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(byline, "byline");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(url, "url");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The same article at another address (slug and the URL made from it). */
    public Article withSlug(String newSlug, String newUrl) {
        return new Article(id, version, status, headline, kicker, summary, bodyHtml, bodyText, section,
                tags, byline, edition, language, publishedAt, updatedAt, leadImage, source, newSlug, newUrl);
    }

    /** The same article in another state, e.g. unpublished at a new version. */
    public Article withStatus(ArticleStatus newStatus, long newVersion, OffsetDateTime at) {
        return new Article(id, newVersion, newStatus, headline, kicker, summary, bodyHtml, bodyText, section,
                tags, byline, edition, language, publishedAt, at, leadImage, source, slug, url);
    }
}
