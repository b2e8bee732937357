package news.prokash.ranking.popular;

import java.time.Instant;
import java.time.OffsetDateTime;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/**
 * What the popular list needs of an article, kept in the global store {@code article-summaries}:
 * small enough to hold every article on every instance, unlike the full body.
 */
record ArticleSummary(String id, long version, ArticleStatus status, String headline, String section, String url,
        OffsetDateTime publishedAt, @Nullable LeadImage leadImage) {

    static ArticleSummary of(Article article) {
        return new ArticleSummary(article.id(), article.version(), article.status(), article.headline(),
                article.section(), article.url(), article.publishedAt(), article.leadImage());
    }

    ArticleSummary withStatus(ArticleStatus newStatus, long newVersion) {
        return new ArticleSummary(id, newVersion, newStatus, headline, section, url, publishedAt, leadImage);
    }

    /** Readers may see it: published, and not scheduled for later. */
    boolean listedAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && !publishedAt.toInstant().isAfter(now);
    }
}
