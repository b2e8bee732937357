package news.prokash.article.article;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.prokash.article.config.ArticleProperties;
import news.prokash.contracts.Article;
import news.prokash.contracts.LeadImage;

/**
 * schema.org {@code NewsArticle} as Google's article structured data describes it: headline, image,
 * datePublished, dateModified, author (with name) and publisher, plus what a news crawler uses
 * (mainEntityOfPage, articleSection, keywords, inLanguage).
 */
final class NewsArticleJsonLd {

    private NewsArticleJsonLd() {
    }

    static Map<String, Object> of(Article article, ArticleProperties properties) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", article.url()));
        ld.put("url", article.url());
        ld.put("headline", article.headline());
        if (article.summary() != null) {
            ld.put("description", article.summary());
        }
        LeadImage image = article.leadImage();
        if (image != null) {
            ld.put("image", List.of(image.url()));
        }
        ld.put("datePublished", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.publishedAt()));
        ld.put("dateModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.updatedAt()));
        ld.put("author", List.of(author(article.byline())));
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", properties.publicationName());
        publisher.put("url", properties.siteBaseUrl().toString());
        ld.put("publisher", publisher);
        ld.put("articleSection", article.section());
        if (!article.tags().isEmpty()) {
            ld.put("keywords", article.tags());
        }
        ld.put("inLanguage", article.language());
        ld.put("isAccessibleForFree", true);
        return ld;
    }

    /** A desk ("কালবেলা ডেস্ক") is the newsroom, not a person. */
    private static Map<String, Object> author(String byline) {
        boolean desk = byline.endsWith("ডেস্ক") || byline.toLowerCase(Locale.ROOT).endsWith("desk");
        return Map.of("@type", desk ? "Organization" : "Person", "name", byline);
    }
}
