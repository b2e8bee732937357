package news.prokash.ingest.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import news.prokash.ingest.article.ProblemDetailsAdvice.FieldMessage;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written checks against Hibernate Validator reading {@link IngestRequest}'s annotations. */
class IngestRequestValidatorTests {

    private static final IngestProperties PROPERTIES = new IngestProperties(List.of("national", "international"),
            Duration.ofSeconds(7), Duration.ofSeconds(5), "http://localhost:8082", List.of("bn", "en"),
            Duration.ofSeconds(2), DataSize.ofMegabytes(1), DataSize.ofMegabytes(20), 500, 10_000, 64, 1,
            new IngestProperties.Topic(1, Duration.ofMinutes(1)));

    private final IngestRequestValidator validator = new IngestRequestValidator(PROPERTIES);

    private final Validator beanValidation = beanValidation();

    @Test
    void shouldPassTheSeedArticle() {
        assertThat(validator.errors(ArticleFactoryTests.seedRequest())).isEmpty();
        assertThat(beanValidation.validate(ArticleFactoryTests.seedRequest())).isEmpty();
    }

    @Test
    void shouldReportWhatBeanValidationReportsForAnEmptyRequest() {
        IngestRequest empty = new IngestRequest(null, null, null, null, null, null, null, null, null, null, null, null,
                null);
        assertThat(validator.errors(empty)).isEqualTo(reference(empty)).extracting(FieldMessage::field)
                .containsExactly("bodyHtml", "byline", "edition", "headline", "publishedAt", "section");
    }

    /**
     * Requests with each field drawn from good, missing, blank, too long and malformed values, and the seed with
     * one field so drawn: 6,000 of them.
     */
    @Test
    void shouldReportWhatBeanValidationReportsForGeneratedRequests() {
        SplittableRandom random = new SplittableRandom(5);
        int valid = 0;
        for (int i = 0; i < 6_000; i++) {
            IngestRequest request = i % 2 == 0 ? generated(random) : oneFieldOf(generated(random), random.nextInt(13));
            List<FieldMessage> expected = reference(request);
            assertThat(validator.errors(request)).as("%s", request).isEqualTo(expected);
            valid += expected.isEmpty() ? 1 : 0;
        }
        assertThat(valid).as("valid requests").isBetween(300, 3_000);
    }

    /** The seed article with field {@code index} (in declaration order) taken from {@code other}. */
    private static IngestRequest oneFieldOf(IngestRequest other, int index) {
        Object[] values = new Object[13];
        var components = IngestRequest.class.getRecordComponents();
        IngestRequest seed = ArticleFactoryTests.seedRequest();
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(i == index ? other : seed);
            }
            return (IngestRequest) IngestRequest.class.getDeclaredConstructors()[0].newInstance(values);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldThrowWithEveryErrorForTheProblemDetails() {
        IngestRequest seed = ArticleFactoryTests.seedRequest();
        IngestRequest bad = new IngestRequest(" ", seed.kicker(), seed.summary(), "<script>x</script>", "sports",
                seed.tags(), seed.byline(), seed.edition(), seed.language(), seed.publishedAt(), seed.leadImage(),
                seed.source(), seed.slug());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.check(bad))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.errors())
                        .extracting(FieldMessage::field).containsExactly("bodyHtml", "headline", "section"));
    }

    private List<FieldMessage> reference(IngestRequest request) {
        return beanValidation.validate(request).stream()
                .map(v -> new FieldMessage(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field).thenComparing(FieldMessage::message))
                .toList();
    }

    private static IngestRequest generated(SplittableRandom random) {
        IngestRequest seed = ArticleFactoryTests.seedRequest();
        return new IngestRequest(text(random, seed.headline(), 300), text(random, seed.kicker(), 150),
                text(random, seed.summary(), 1_000), body(random, seed.bodyHtml()),
                pick(random, "international", "national", "sports", "", " ", "International"), tags(random),
                text(random, seed.byline(), 200), pick(random, "online", "print", "Online", "web", "", "online "),
                pick(random, "bn", "en", "fr", "", "BN"),
                pick(random, "2025-07-13T10:42:00+06:00", "2025-07-13T10:42:00Z", "2025-07-13T10:42:00",
                        "2025-07-13T10:42:00+06:07", "2025-07-13T10:42:00+15:00", "13 July 2025", "", " "),
                image(random), text(random, seed.source(), 200),
                pick(random, "kim-jong-un", "Kim", "kim--jong", "-kim", "a".repeat(80), "a".repeat(81), "", " "));
    }

    private static IngestRequest.LeadImageRequest image(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        return new IngestRequest.LeadImageRequest(
                pick(random, "https://images.example.com/kim.jpg", "HTTP://x.example/a.jpg", "ftp://x.example/a.jpg",
                        "https://x.example/a b.jpg", "https://" + "x".repeat(1_993), "https://" + "x".repeat(1_992),
                        "https://x.example/\u0001", "", " "),
                text(random, "উত্তর কোরিয়ার নেতা কিম জং উন।", 500), text(random, "সংগৃহীত", 200));
    }

    private static List<String> tags(SplittableRandom random) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return null;
        }
        int count = kind == 1 ? 21 : kind == 2 ? 20 : random.nextInt(4);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(text(random, "রাশিয়া", 60));
        }
        return tags;
    }

    private static String body(SplittableRandom random, String seed) {
        return pick(random, seed, seed, "<p>" + seed + "<script>alert(1)</script></p>", "<p> </p>",
                "<img src=\"https://images.example.com/a.jpg\">", "<b>".repeat(70) + "x", "<p>a\u0000b</p>",
                "<p>a\r\nb\tc</p>", "", "  ", null, "<p>" + "ক".repeat(SafeBodyHtml.MAX_LENGTH) + "</p>");
    }

    /** The value, or one of: missing, empty, blank, exactly the limit, one over, a control character, a lone surrogate, a line feed. */
    private static String text(SplittableRandom random, String value, int max) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> " \u2003 ";
            case 3 -> "ক".repeat(max);
            case 4 -> "ক".repeat(max + 1);
            case 5 -> value + "\u0007";
            case 6 -> value + "\uD800";
            case 7 -> value + "\nআরও";
            case 8 -> value + "\u0085";
            default -> value;
        };
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static Validator beanValidation() {
        ConstraintValidatorFactory standard = Validation.byProvider(HibernateValidator.class).configure()
                .getDefaultConstraintValidatorFactory();
        ConstraintValidatorFactory withProperties = new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> type) {
                if (type == KnownSection.Validator.class) {
                    return type.cast(new KnownSection.Validator(PROPERTIES));
                }
                if (type == KnownLanguage.Validator.class) {
                    return type.cast(new KnownLanguage.Validator(PROPERTIES));
                }
                return standard.getInstance(type);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
            }
        };
        return Validation.byProvider(HibernateValidator.class).configure().defaultLocale(Locale.ENGLISH)
                .messageInterpolator(new ParameterMessageInterpolator()).constraintValidatorFactory(withProperties)
                .buildValidatorFactory().getValidator();
    }
}
