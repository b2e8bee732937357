package news.prokash.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import news.prokash.ingest.article.ProblemDetailsAdvice.FieldMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The constraints written on {@link IngestRequest}, checked by hand: the same fields, messages and order as Bean
 * Validation gives ({@code IngestRequestValidatorTests} compares both on thousands of generated requests).
 * Hibernate Validator's own work per request (paths, reflection, a context per constraint, for some 45 checks)
 * was about a fifth of a bulk line's request-thread CPU and 7 % of a single create's (JFR, 2026-11-29). The annotations
 * stay: they are the specification, and the OpenAPI description is generated from them.
 *
 * <p>Messages are the validator's English defaults whatever the request's {@code Accept-Language}: every other
 * message of this API is English, and a client should not get a mix.
 */
@Component
class IngestRequestValidator {

    private static final Pattern EDITION = Pattern.compile(IngestRequest.EDITION_REGEX);
    private static final Pattern HTTP_URL = Pattern.compile(IngestRequest.LeadImageRequest.URL_REGEX);

    private static final String BLANK = "must not be blank";

    private final IngestProperties properties;
    private final SafeBodyHtml.Validator body = new SafeBodyHtml.Validator();

    IngestRequestValidator(IngestProperties properties) {
        this.properties = properties;
    }

    /** Throws {@link InvalidArticleException} (a 400 with every error) unless the request is valid. */
    void check(IngestRequest request) {
        List<FieldMessage> errors = errors(request);
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
    }

    /** Every error, by field and then message; empty if the request is valid. */
    List<FieldMessage> errors(IngestRequest request) {
        Errors errors = new Errors();
        text(errors, "headline", request.headline(), true, IngestRequest.HEADLINE_MAX, false);
        text(errors, "kicker", request.kicker(), false, IngestRequest.KICKER_MAX, false);
        text(errors, "summary", request.summary(), false, IngestRequest.SUMMARY_MAX, true);
        String bodyHtml = request.bodyHtml();
        text(errors, "bodyHtml", bodyHtml, true, SafeBodyHtml.MAX_LENGTH, true);
        if (bodyHtml != null) {
            errors.add("bodyHtml", body.problem(bodyHtml));
        }
        String section = request.section();
        required(errors, "section", section);
        if (section != null && !properties.sections().contains(section)) {
            errors.add("section", KnownSection.MESSAGE);
        }
        List<String> tags = request.tags();
        if (tags != null) {
            size(errors, "tags", tags.size(), IngestRequest.TAGS_MAX);
            for (int i = 0; i < tags.size(); i++) {
                text(errors, "tags[" + i + "]", tags.get(i), true, IngestRequest.TAG_MAX, false);
            }
        }
        text(errors, "byline", request.byline(), true, IngestRequest.BYLINE_MAX, false);
        String edition = request.edition();
        required(errors, "edition", edition);
        if (edition != null && !EDITION.matcher(edition).matches()) {
            errors.add("edition", IngestRequest.EDITION_MESSAGE);
        }
        String language = request.language();
        if (language != null && !properties.languages().contains(language)) {
            errors.add("language", KnownLanguage.Validator.message(properties));
        }
        String publishedAt = request.publishedAt();
        required(errors, "publishedAt", publishedAt);
        if (publishedAt != null && !OffsetTimestamp.Validator.valid(publishedAt)) {
            errors.add("publishedAt", OffsetTimestamp.MESSAGE);
        }
        IngestRequest.LeadImageRequest image = request.leadImage();
        if (image != null) {
            text(errors, "leadImage.url", image.url(), true, IngestRequest.LeadImageRequest.URL_MAX, false);
            if (image.url() != null && !HTTP_URL.matcher(image.url()).matches()) {
                errors.add("leadImage.url", IngestRequest.LeadImageRequest.URL_MESSAGE);
            }
            text(errors, "leadImage.caption", image.caption(), false,
                    IngestRequest.LeadImageRequest.CAPTION_MAX, false);
            text(errors, "leadImage.credit", image.credit(), false,
                    IngestRequest.LeadImageRequest.CREDIT_MAX, false);
        }
        text(errors, "source", request.source(), false, IngestRequest.SOURCE_MAX, false);
        String slug = request.slug();
        if (slug != null) {
            size(errors, "slug", slug.length(), Slugs.MAX_LENGTH);
            if (!Slugs.EDITOR_SLUG.matcher(slug).matches()) {
                errors.add("slug", Slugs.EDITOR_SLUG_MESSAGE);
            }
        }
        return errors.sorted();
    }

    /** {@code @NotBlank} where required, {@code @Size(max)} and {@code @PlainText}. */
    private static void text(Errors errors, String field, @Nullable String value, boolean required, int max,
            boolean multiline) {
        if (required) {
            required(errors, field, value);
        }
        if (value != null) {
            size(errors, field, value.length(), max);
            if (PlainText.Validator.firstInvalid(value, multiline) >= 0) {
                errors.add(field, PlainText.MESSAGE);
            }
        }
    }

    private static void required(Errors errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, BLANK);
        }
    }

    private static void size(Errors errors, String field, int size, int max) {
        if (size > max) {
            errors.add(field, "size must be between 0 and " + max);
        }
    }

    private static final class Errors {

        private final List<FieldMessage> list = new ArrayList<>(0);

        void add(String field, @Nullable String message) {
            if (message != null) {
                list.add(new FieldMessage(field, message));
            }
        }

        List<FieldMessage> sorted() {
            if (list.size() > 1) {
                list.sort(FieldMessage.ORDER);
            }
            return list;
        }
    }
}
