package news.prokash.ingest.article;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.Edition;
import news.prokash.contracts.LeadImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFactoryTests {

    private static final Instant NOW = Instant.parse("2025-07-13T04:45:12.345678Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ArticleFactory factory = new ArticleFactory(new HtmlSanitizer(), new ArticleIds(clock), clock,
            new SiteProperties("https://prokash.example/"), "bn");

    static IngestRequest seedRequest() {
        return new IngestRequest("রাশিয়ার পাশে আছেন কিম জং উন", null,
                "ইউক্রেন সংকটে মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত করেছেন কিম",
                "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p>"
                        + "<p>বৈঠকটি গত ১২ জুলাই উত্তর কোরিয়ার উপকূলীয় শহর উনসানে অনুষ্ঠিত হয়।</p>",
                "international", List.of("উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন"), "কালবেলা ডেস্ক", "online", "bn",
                "2025-07-13T10:42:00+06:00",
                new IngestRequest.LeadImageRequest("https://images.example.com/kim.jpg", "উত্তর কোরিয়ার নেতা কিম জং উন।",
                        "সংগৃহীত"),
                "তাস নিউজ এজেন্সি", null);
    }

    @Test
    void shouldBuildTheFirstPublishedVersion() {
        Article article = factory.create(seedRequest());

        assertThat(article.version()).isEqualTo(1);
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.edition()).isEqualTo(Edition.ONLINE);
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-07-13T10:42:00+06:00"));
        assertThat(article.slug()).matches("rashiyar-pashe-achhen-kim-jong-un-[0-9a-f]{8}").endsWith(article.id().substring(28));
        assertThat(article.url()).isEqualTo("https://prokash.example/international/" + article.slug());
        assertThat(article.bodyText()).isEqualTo(
                "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।\n\n"
                        + "বৈঠকটি গত ১২ জুলাই উত্তর কোরিয়ার উপকূলীয় শহর উনসানে অনুষ্ঠিত হয়।");
        assertThat(article.leadImage()).isEqualTo(new LeadImage("https://images.example.com/kim.jpg",
                "উত্তর কোরিয়ার নেতা কিম জং উন।", "সংগৃহীত"));
    }

    @Test
    void shouldSetUpdatedAtToNowInTheEditorsOffset() {
        Article article = factory.create(seedRequest());

        assertThat(article.updatedAt()).isEqualTo(OffsetDateTime.parse("2025-07-13T10:45:12.345+06:00"));
        assertThat(article.updatedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(6));
    }

    @Test
    void shouldNormalizeEveryTextToNfc() {
        // "কোরিয়া" with ো written as ে + া and য় as য + nukta, as some keyboards send it
        String decomposed = "\u0995\u09C7\u09BE\u09B0\u09BF\u09AF\u09BC\u09BE";
        String nfc = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
        assertThat(nfc).isNotEqualTo(decomposed).isEqualTo("\u0995\u09CB\u09B0\u09BF\u09AF\u09BC\u09BE");
        IngestRequest seed = seedRequest();
        IngestRequest request = new IngestRequest(decomposed + " সফর", decomposed, decomposed, "<p>" + decomposed + "</p>",
                seed.section(), List.of(decomposed), decomposed, seed.edition(), seed.language(), seed.publishedAt(),
                new IngestRequest.LeadImageRequest("https://images.example.com/kim.jpg", decomposed, decomposed),
                decomposed, null);

        Article article = factory.create(request);

        assertThat(article.headline()).isEqualTo(nfc + " সফর");
        assertThat(List.of(article.kicker(), article.summary(), article.bodyText(), article.byline(), article.source(),
                article.tags().getFirst(), article.leadImage().caption(), article.leadImage().credit()))
                .containsOnly(nfc);
        assertThat(article.bodyHtml()).isEqualTo("<p>" + nfc + "</p>");
        assertThat(article.slug()).startsWith("koriya-sofor-");
    }

    @Test
    void shouldNormalizeHtmlEntitiesThatSpellADecomposedForm() {
        IngestRequest seed = seedRequest();
        IngestRequest request = new IngestRequest(seed.headline(), null, null, "<p>&#x995;&#x9C7;&#x9BE;</p>",
                seed.section(), null, seed.byline(), seed.edition(), seed.language(), seed.publishedAt(), null, null, null);

        assertThat(factory.create(request).bodyText()).isEqualTo("\u0995\u09CB");
    }

    @Test
    void shouldDefaultTheLanguageAndDropBlankOptionalsAndRepeatedTags() {
        IngestRequest seed = seedRequest();
        IngestRequest request = new IngestRequest("  " + seed.headline() + " ", "  ", "", seed.bodyHtml(), seed.section(),
                List.of("রাশিয়া", " রাশিয়া ", "ইউক্রেন"), seed.byline(), "print", null, seed.publishedAt(), null, " ",
                null);

        Article article = factory.create(request);

        assertThat(article.language()).isEqualTo("bn");
        assertThat(article.headline()).isEqualTo(seed.headline());
        assertThat(article.kicker()).isNull();
        assertThat(article.summary()).isNull();
        assertThat(article.source()).isNull();
        assertThat(article.leadImage()).isNull();
        assertThat(article.tags()).containsExactly("রাশিয়া", "ইউক্রেন");
        assertThat(article.edition()).isEqualTo(Edition.PRINT);
    }
}
