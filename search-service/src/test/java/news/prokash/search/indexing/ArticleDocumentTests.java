package news.prokash.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.search.TestArticles;
import org.junit.jupiter.api.Test;

class ArticleDocumentTests {

    private final Article seed = TestArticles.seed("a-1");

    @Test
    void shouldCarrySearchableTextAndWhatAResultShows() {
        ArticleDocument document = ArticleDocument.of(new ArticlePublished("a-1", 1, Instant.now(), seed));

        assertThat(document.id()).isEqualTo("a-1");
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.status()).isEqualTo("published");
        assertThat(document.headline()).isEqualTo(seed.headline());
        assertThat(document.bodyText()).isEqualTo(seed.bodyText());
        assertThat(document.tags()).containsExactly("উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন");
        assertThat(document.section()).isEqualTo("international");
        assertThat(document.url()).isEqualTo(seed.url());
        assertThat(document.leadImage()).isEqualTo(seed.leadImage());
        // the sound key of headline, tags and summary, for queries in Latin letters
        assertThat(document.latin()).startsWith("rasiar pase acen kim jang un").contains("karia");
    }

    @Test
    void shouldKeepTheEditorsOffsetInTimes() {
        ArticleDocument document = ArticleDocument.of(new ArticlePublished("a-1", 1, Instant.now(), seed));

        assertThat(document.publishedAt()).isEqualTo("2025-07-13T10:42:00+06:00");
    }

    @Test
    void shouldMarkAnUnpublishedArticleWhateverItsEmbeddedStatus() {
        Article newer = seed.withStatus(ArticleStatus.PUBLISHED, 2, TestArticles.JULY_13.plusHours(1));

        ArticleDocument document = ArticleDocument.of(new ArticleUnpublished("a-1", 2, Instant.now(), newer));

        assertThat(document.status()).isEqualTo("unpublished");
        assertThat(document.version()).isEqualTo(2);
    }

    @Test
    void shouldKeepOnlyIdVersionAndStatusOfADeletedArticle() {
        Instant at = Instant.parse("2025-07-14T08:00:00Z");

        ArticleDocument document = ArticleDocument.of(new ArticleDeleted("a-1", 3, at));

        assertThat(document.status()).isEqualTo("deleted");
        assertThat(document.version()).isEqualTo(3);
        assertThat(document.updatedAt()).isEqualTo("2025-07-14T08:00:00Z");
        assertThat(document.headline()).isNull();
        assertThat(document.bodyText()).isNull();
        assertThat(document.publishedAt()).isNull();
    }
}
