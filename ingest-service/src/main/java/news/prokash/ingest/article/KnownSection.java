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

/** One of the sections in {@code prokash.ingest.sections}; null is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = KnownSection.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface KnownSection {

    String MESSAGE = "is not a known section";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring's constraint validator factory builds this with the configured sections. */
    final class Validator implements ConstraintValidator<KnownSection, String> {

        private final IngestProperties properties;

        Validator(IngestProperties properties) {
            this.properties = properties;
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || properties.sections().contains(value);
        }
    }
}
