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

/** One of the languages in {@code prokash.ingest.languages}; absent means the default ({@code bn}). */
@Documented
@Constraint(validatedBy = KnownLanguage.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface KnownLanguage {

    String message() default "is not a language of this site";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<KnownLanguage, String> {

        private final IngestProperties properties;

        Validator(IngestProperties properties) {
            this.properties = properties;
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            if (value == null || properties.languages().contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message(properties)).addConstraintViolation();
            return false;
        }

        /** The message naming the site's languages. */
        static String message(IngestProperties properties) {
            return "must be one of " + String.join(", ", properties.languages());
        }
    }
}
