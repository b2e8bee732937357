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
 * Text that every store and feed can hold: no control characters (PostgreSQL {@code text} cannot store
 * NUL, XML 1.0 forbids the other C0 characters, none of them is readable), no lone surrogate (not
 * encodable as UTF-8) and no noncharacter U+FFFE/U+FFFF. Tab, line feed and carriage return only where
 * {@link #multiline()} (summary, body); in a one-line field (headline, byline…) they are an error rather
 * than silently rewritten, so what the editor sees is what is published.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface PlainText {

    boolean multiline() default false;

    String MESSAGE = "must not contain control characters";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || firstInvalid(value, multiline) < 0;
        }

        /** The index of the first character not allowed, or -1. */
        static int firstInvalid(String value, boolean multiline) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean ok;
                if (c < 0x20) {
                    ok = multiline && (c == '\t' || c == '\n' || c == '\r');
                }
                else if (c >= 0x7F && c <= 0x9F) {
                    ok = false; // DEL and the C1 controls
                }
                else if (Character.isHighSurrogate(c)) {
                    ok = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                    i += ok ? 1 : 0;
                }
                else {
                    ok = !Character.isLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
                }
                if (!ok) {
                    return i;
                }
            }
            return -1;
        }
    }
}
