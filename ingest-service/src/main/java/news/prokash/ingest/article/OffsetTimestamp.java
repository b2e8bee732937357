package news.prokash.ingest.article;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * An ISO-8601 date-time with an offset, e.g. {@code 2025-07-13T10:42:00+06:00}. A time without one
 * is refused: guessing the zone would misdate every article sent from a machine set to UTC.
 */
@Documented
@Constraint(validatedBy = OffsetTimestamp.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface OffsetTimestamp {

    String MESSAGE = "must be an ISO-8601 date-time with a real time-zone offset, e.g. 2025-07-13T10:42:00+06:00";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OffsetTimestamp, String> {

        private static final int QUARTER_HOUR = 15 * 60;
        private static final int MIN_OFFSET = -12 * 3600;
        private static final int MAX_OFFSET = 14 * 3600;

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        static boolean valid(String value) {
            if (value.isBlank()) {
                return true; // @NotBlank reports it
            }
            try {
                int offsetSeconds = Rfc3339.parse(value).getOffset().getTotalSeconds();
                // real zones lie between -12:00 and +14:00 in steps of 15 minutes; +06:07 is a typo
                return offsetSeconds >= MIN_OFFSET && offsetSeconds <= MAX_OFFSET && offsetSeconds % QUARTER_HOUR == 0;
            }
            catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
