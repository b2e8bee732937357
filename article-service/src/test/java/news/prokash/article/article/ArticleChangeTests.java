package news.prokash.article.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleDeleted;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.ArticleUnpublished;
import news.prokash.contracts.ArticleUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ArticleChangeTests {

    @Test
    void shouldMapThePublishedSeedToColumnsKeepingTheEditorsOffset() {
        Article seed = TestArticles.seed("a1");

        ArticleChange change = ArticleChange.of(TestArticles.published(seed));

        assertThat(change.isDeletion()).isFalse();
        assertThat(change.eventType()).isEqualTo("ArticlePublished");
        assertThat(change.columns()).contains(
                entry("id", "a1"), entry("version", 1L), entry("status", "published"),
                entry("headline", "রাশিয়ার পাশে আছেন কিম জং উন"), entry("kicker", null),
                entry("edition", "online"), entry("language", "bn"),
                entry("published_at", TestArticles.SEED_PUBLISHED_AT), entry("published_offset_seconds", 6 * 3600),
                entry("updated_offset_seconds", 6 * 3600),
                entry("lead_image_url", "https://images.example.com/kim.jpg"),
                entry("lead_image_caption", "উত্তর কোরিয়ার নেতা কিম জং উন।"), entry("lead_image_credit", "সংগৃহীত"),
                entry("source", "তাস নিউজ এজেন্সি"), entry("slug", seed.slug()), entry("url", seed.url()));
        assertThat((String[]) change.columns().get("tags")).containsExactly("উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন");
    }

    @Test
    void shouldLeaveTheLeadImageColumnsEmptyWithoutAnImage() {
        Article seed = TestArticles.seed("a2");
        Article withoutImage = new Article(seed.id(), 1, seed.status(), seed.headline(), seed.kicker(), seed.summary(),
                seed.bodyHtml(), seed.bodyText(), seed.section(), seed.tags(), seed.byline(), seed.edition(),
                seed.language(), seed.publishedAt(), seed.updatedAt(), null, null, seed.slug(), seed.url());

        var columns = ArticleChange.of(TestArticles.published(withoutImage)).columns();

        assertThat(columns).contains(entry("lead_image_url", null), entry("lead_image_caption", null),
                entry("lead_image_credit", null), entry("source", null));
    }

    @Test
    void shouldTakeTheStatusFromAnUnpublishEvent() {
        Article seed = TestArticles.seed("a3");
        Article unpublished = seed.withStatus(ArticleStatus.UNPUBLISHED, 2, seed.updatedAt().plusHours(1));

        ArticleChange change = ArticleChange.of(new ArticleUnpublished("a3", 2, Instant.now(), unpublished));

        assertThat(change.status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(change.columns()).contains(entry("status", "unpublished"), entry("version", 2L));
    }

    @Test
    void shouldKeepTheStatusOfAnArticleEditedWhileUnpublished() {
        Article unpublished = TestArticles.seed("a4").withStatus(ArticleStatus.UNPUBLISHED, 2,
                TestArticles.SEED_PUBLISHED_AT.plusHours(1));
        Article edited = TestArticles.updated(unpublished, "নতুন শিরোনাম").article();

        ArticleChange change = ArticleChange.of(new ArticleUpdated("a4", 3, Instant.now(), edited));

        assertThat(change.status()).isEqualTo(ArticleStatus.UNPUBLISHED);
    }

    @Test
    void shouldMapADeletionToStatusVersionAndTimeOnly() {
        Instant occurredAt = Instant.parse("2025-07-14T04:00:00Z");

        ArticleChange change = ArticleChange.of(new ArticleDeleted("a5", 7, occurredAt));

        assertThat(change.isDeletion()).isTrue();
        assertThat(change.columns()).containsOnly(entry("id", "a5"), entry("version", 7L), entry("status", "deleted"),
                entry("updated_at", occurredAt.atOffset(ZoneOffset.UTC)), entry("updated_offset_seconds", 0));
    }

    @Test
    void shouldShowAStoredInstantAgainWithTheEditorsOffset() {
        OffsetDateTime asStored = OffsetDateTime.parse("2025-07-13T04:42:00Z");

        OffsetDateTime shown = ArticleChange.withOriginalOffset(asStored, 6 * 3600);

        assertThat(shown).isEqualTo(TestArticles.SEED_PUBLISHED_AT);
        assertThat(shown.toString()).isEqualTo("2025-07-13T10:42+06:00");
    }
}
