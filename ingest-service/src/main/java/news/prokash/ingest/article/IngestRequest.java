package news.prokash.ingest.article;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the newsroom sends to {@code POST /api/v1/articles}. Everything is nullable here because
 * Jackson fills it from untrusted JSON; the constraints say what must be present, and
 * {@link ArticleFactory} relies on them having passed. {@code edition} and {@code publishedAt} are
 * strings so that a bad value is one more entry in the error list rather than an unreadable body.
 */
record IngestRequest(
        @NotBlank @Size(max = 300) @PlainText @Nullable String headline,
        @Size(max = 150) @PlainText @Nullable String kicker,
        @Size(max = 1_000) @PlainText(multiline = true) @Nullable String summary,
        @NotBlank @Size(max = SafeBodyHtml.MAX_LENGTH) @PlainText(multiline = true) @SafeBodyHtml @Nullable String bodyHtml,
        @NotBlank @KnownSection @Nullable String section,
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 60) @PlainText String> tags,
        @NotBlank @Size(max = 200) @PlainText @Nullable String byline,
        @NotBlank @Pattern(regexp = "online|print", message = "must be online or print") @Nullable String edition,
        @KnownLanguage @Nullable String language,
        @NotBlank @OffsetTimestamp @Nullable String publishedAt,
        @Valid @Nullable LeadImageRequest leadImage,
        @Size(max = 200) @PlainText @Nullable String source,
        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.EDITOR_SLUG_REGEX, message = "must be lowercase ASCII letters and digits in words joined by single hyphens")
        @Nullable String slug) {

    record LeadImageRequest(
            @NotBlank @Size(max = 2_000) @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL")
            @PlainText @Nullable String url,
            @Size(max = 500) @PlainText @Nullable String caption,
            @Size(max = 200) @PlainText @Nullable String credit) {
    }
}
