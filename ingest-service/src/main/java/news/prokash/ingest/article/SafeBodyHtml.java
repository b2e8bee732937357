package news.prokash.ingest.article;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Article HTML without active content (scripts, styles, frames, event handlers, {@code javascript:}
 * links) and with some text or an image left after sanitizing. Harmless extra markup is not an error:
 * {@link HtmlSanitizer} drops it.
 */
@Documented
@Constraint(validatedBy = SafeBodyHtml.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface SafeBodyHtml {

    String MESSAGE = "must not contain scripts, styles, frames, embedded objects, event handlers or javascript: links";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The {@code @Size} of {@code bodyHtml}. */
    int MAX_LENGTH = 200_000;

    final class Validator implements ConstraintValidator<SafeBodyHtml, String> {

        private final HtmlSanitizer sanitizer = new HtmlSanitizer();

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            String problem = value == null ? null : problem(value);
            if (problem != null && !problem.equals(MESSAGE)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            }
            return problem == null;
        }

        /** What is wrong with the body, or null. */
        @Nullable String problem(String value) {
            if (value.isBlank() || value.length() > MAX_LENGTH) {
                return null; // @NotBlank or @Size reports it: a body over the limit is not parsed at all
            }
            HtmlSanitizer.Checked checked = sanitizer.check(value); // remembered for building the article
            if (checked.tooDeep()) {
                return "must not nest elements more than " + HtmlSanitizer.MAX_DEPTH + " levels deep";
            }
            if (checked.activeContent()) {
                return MESSAGE;
            }
            HtmlSanitizer.SanitizedBody body = checked.body();
            if (body.text().isEmpty() && !body.html().contains("<img")) {
                return "must contain text after sanitizing";
            }
            return null;
        }
    }
}
