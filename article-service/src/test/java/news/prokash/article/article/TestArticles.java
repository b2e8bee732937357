package news.prokash.article.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUpdated;
import news.prokash.contracts.Edition;
import news.prokash.contracts.LeadImage;

/** The seed article of the walking-skeleton contract, and variations of it with fresh ids. */
final class TestArticles {

    /** Publish time of the seed; every other test article is published earlier or in the future. */
    static final OffsetDateTime SEED_PUBLISHED_AT = OffsetDateTime.parse("2025-07-13T10:42:00+06:00");

    /** Before the seed, so that the seed stays first in the latest list. */
    static final OffsetDateTime EARLIER = OffsetDateTime.parse("2025-07-12T09:00:00+06:00");

    private TestArticles() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static Article seed(String id) {
        String slug = "kim-jong-un-russia-" + id;
        return new Article(id, 1, ArticleStatus.PUBLISHED, "রাশিয়ার পাশে আছেন কিম জং উন", null,
                "ইউক্রেন সংকটে মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত করেছেন কিম",
                "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p>",
                "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।",
                "international", List.of("উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন"), "কালবেলা ডেস্ক", Edition.ONLINE, "bn",
                SEED_PUBLISHED_AT, SEED_PUBLISHED_AT,
                new LeadImage("https://images.example.com/kim.jpg", "উত্তর কোরিয়ার নেতা কিম জং উন।", "সংগৃহীত"),
                "তাস নিউজ এজেন্সি", slug, "https://www.prokash.news/international/" + slug);
    }

    /** The seed under a new id, published at {@code publishedAt}. */
    static Article publishedAt(String id, OffsetDateTime publishedAt) {
        Article seed = seed(id);
        return new Article(id, 1, ArticleStatus.PUBLISHED, seed.headline(), seed.kicker(), seed.summary(),
                seed.bodyHtml(), seed.bodyText(), seed.section(), seed.tags(), seed.byline(), seed.edition(),
                seed.language(), publishedAt, publishedAt, seed.leadImage(), seed.source(), seed.slug(), seed.url());
    }

    static ArticlePublished published(Article article) {
        return new ArticlePublished(article.id(), article.version(), article.updatedAt().toInstant(), article);
    }

    /** The next version of the article with a new headline. */
    static ArticleUpdated updated(Article previous, String headline) {
        long version = previous.version() + 1;
        OffsetDateTime at = previous.updatedAt().plusMinutes(version);
        Article next = new Article(previous.id(), version, previous.status(), headline, previous.kicker(),
                previous.summary(), previous.bodyHtml(), previous.bodyText(), previous.section(), previous.tags(),
                previous.byline(), previous.edition(), previous.language(), previous.publishedAt(), at,
                previous.leadImage(), previous.source(), previous.slug(), previous.url());
        return new ArticleUpdated(previous.id(), version, at.toInstant(), next);
    }

    /** A fresh article in {@code section} with {@code tags}, published at {@code publishedAt}. */
    static Article article(String section, List<String> tags, OffsetDateTime publishedAt, String headline) {
        Article seed = seed(newId());
        String slug = "article-" + seed.id();
        return new Article(seed.id(), 1, ArticleStatus.PUBLISHED, headline, seed.kicker(), seed.summary(),
                seed.bodyHtml(), seed.bodyText(), section, tags, seed.byline(), seed.edition(), seed.language(),
                publishedAt, publishedAt, seed.leadImage(), seed.source(), slug,
                "https://www.prokash.news/" + section + "/" + slug);
    }

    /** A fresh tag, so that a test's list holds only its own articles. */
    static String newTag() {
        return "পরীক্ষা-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
