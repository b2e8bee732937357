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
        @NotBlank @Size(max = HEADLINE_MAX) @PlainText @Nullable String headline,
        @Size(max = KICKER_MAX) @PlainText @Nullable String kicker,
        @Size(max = SUMMARY_MAX) @PlainText(multiline = true) @Nullable String summary,
        @NotBlank @Size(max = SafeBodyHtml.MAX_LENGTH) @PlainText(multiline = true) @SafeBodyHtml @Nullable String bodyHtml,
        @NotBlank @KnownSection @Nullable String section,
        @Size(max = TAGS_MAX) @Nullable List<@NotBlank @Size(max = TAG_MAX) @PlainText String> tags,
        @NotBlank @Size(max = BYLINE_MAX) @PlainText @Nullable String byline,
        @NotBlank @Pattern(regexp = EDITION_REGEX, message = EDITION_MESSAGE) @Nullable String edition,
        @KnownLanguage @Nullable String language,
        @NotBlank @OffsetTimestamp @Nullable String publishedAt,
        @Valid @Nullable LeadImageRequest leadImage,
        @Size(max = SOURCE_MAX) @PlainText @Nullable String source,
        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.EDITOR_SLUG_REGEX, message = Slugs.EDITOR_SLUG_MESSAGE)
        @Nullable String slug) {

    // the limits, shared with IngestRequestValidator, which checks them by hand
    static final int HEADLINE_MAX = 300;
    static final int KICKER_MAX = 150;
    static final int SUMMARY_MAX = 1_000;
    static final int TAGS_MAX = 20;
    static final int TAG_MAX = 60;
    static final int BYLINE_MAX = 200;
    static final int SOURCE_MAX = 200;
    static final String EDITION_REGEX = "online|print";
    static final String EDITION_MESSAGE = "must be online or print";

    record LeadImageRequest(
            @NotBlank @Size(max = URL_MAX) @Pattern(regexp = URL_REGEX, message = URL_MESSAGE)
            @PlainText @Nullable String url,
            @Size(max = CAPTION_MAX) @PlainText @Nullable String caption,
            @Size(max = CREDIT_MAX) @PlainText @Nullable String credit) {

        static final int URL_MAX = 2_000;
        static final int CAPTION_MAX = 500;
        static final int CREDIT_MAX = 200;
        static final String URL_REGEX = "(?i)https?://\\S+";
        static final String URL_MESSAGE = "must be an http or https URL";
    }
}
