package news.prokash.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTests {

    static Article seedArticle() {
        OffsetDateTime published = OffsetDateTime.parse("2025-07-13T10:42:00+06:00");
        return new Article("01JZX5N3M8K2Q4R6T8V0W2Y4A6", 1, ArticleStatus.PUBLISHED,
                "রাশিয়ার পাশে আছেন কিম জং উন", null,
                "ইউক্রেন সংকটে মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত করেছেন কিম",
                "<p>উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।</p>",
                "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।",
                "international", List.of("উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন"), "কালবেলা ডেস্ক", Edition.ONLINE, "bn",
                published, published,
                new LeadImage("https://images.example.com/kim.jpg", "উত্তর কোরিয়ার নেতা কিম জং উন।", "সংগৃহীত"),
                "তাস নিউজ এজেন্সি", "rashiar-pashe-achhen-kim-jong-un",
                "/international/rashiar-pashe-achhen-kim-jong-un");
    }

    @Test
    void shouldReadBackEveryArticleEventEqual() {
        Article article = seedArticle();
        Instant at = Instant.parse("2025-07-13T04:42:00Z");
        List<ArticleEvent> events = List.of(
                new ArticlePublished(article.id(), 1, at, article),
                new ArticleUpdated(article.id(), 2, at, article.withStatus(ArticleStatus.PUBLISHED, 2, article.updatedAt())),
                new ArticleUnpublished(article.id(), 3, at, article.withStatus(ArticleStatus.UNPUBLISHED, 3, article.updatedAt())),
                new ArticleDeleted(article.id(), 4, at));

        for (ArticleEvent event : events) {
            assertThat(EventCodec.decodeArticleEvent(EventCodec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void shouldKeepTheEditorsOffsetOnTheWire() {
        Article article = seedArticle();
        String json = new String(EventCodec.encode(new ArticlePublished(article.id(), 1, Instant.EPOCH, article)),
                StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"schemaVersion\":1,\"type\":\"ArticlePublished\"");
        assertThat(json).contains("\"publishedAt\":\"2025-07-13T10:42:00+06:00\"");
        assertThat(json).contains("\"edition\":\"online\"").contains("\"status\":\"published\"");
        assertThat(json).doesNotContain("\"kicker\"");
    }

    @Test
    void shouldReadBackAViewEqual() {
        ArticleViewed view = new ArticleViewed("a1", "visitor-7", Instant.parse("2025-07-13T05:00:00Z"),
                "https://www.google.com/", "Mozilla/5.0");

        assertThat(EventCodec.decodeView(EventCodec.encode(view))).isEqualTo(view);
    }

    @Test
    void shouldRejectAnUnknownSchemaVersionClearly() {
        byte[] future = """
                {"schemaVersion":2,"type":"ArticleDeleted","articleId":"a1","version":4,"occurredAt":"2025-07-13T04:42:00Z"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventCodec.decodeArticleEvent(future))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("unsupported schemaVersion 2");
    }

    @Test
    void shouldRejectAnEventWithoutSchemaVersion() {
        byte[] bare = """
                {"type":"ArticleDeleted","articleId":"a1","version":4,"occurredAt":"2025-07-13T04:42:00Z"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventCodec.decodeArticleEvent(bare))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void shouldRejectGarbageUnknownTypesAndHalfArticles() {
        assertThatThrownBy(() -> EventCodec.decodeArticleEvent("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EventCodec.decodeArticleEvent(
                "{\"schemaVersion\":1,\"type\":\"ArticleExploded\",\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EventCodec.decodeArticleEvent(
                "{\"schemaVersion\":1,\"type\":\"ArticlePublished\",\"articleId\":\"a\",\"version\":1,\"occurredAt\":\"2025-07-13T04:42:00Z\",\"article\":{\"id\":\"a\"}}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EventCodec.decodeView(
                "{\"schemaVersion\":1,\"articleId\":\"a\",\"viewedAt\":\"2025-07-13T04:42:00Z\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
    }

    @Test
    void shouldReadEventsWhoseSchemaVersionIsNotTheFirstField() {
        byte[] reordered = """
                {"type":"ArticleDeleted","articleId":"a1","schemaVersion":1,"version":4,"occurredAt":"2025-07-13T04:42:00Z"}
                """.getBytes(StandardCharsets.UTF_8);
        byte[] view = """
                {"visitorId":"v","articleId":"a1","viewedAt":"2025-07-13T05:00:00Z","schemaVersion":1}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(EventCodec.decodeArticleEvent(reordered))
                .isEqualTo(new ArticleDeleted("a1", 4, Instant.parse("2025-07-13T04:42:00Z")));
        assertThat(EventCodec.decodeView(view))
                .isEqualTo(new ArticleViewed("a1", "v", Instant.parse("2025-07-13T05:00:00Z"), null, null));
    }

    @Test
    void shouldWriteTheSchemaVersionFirstAndTheFieldsOnce() {
        String json = new String(EventCodec.encode(new ArticleViewed("a1", "v", Instant.parse("2025-07-13T05:00:00Z"),
                null, "Mozilla/5.0")), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo(
                "{\"schemaVersion\":1,\"articleId\":\"a1\",\"visitorId\":\"v\",\"viewedAt\":\"2025-07-13T05:00:00Z\",\"userAgent\":\"Mozilla/5.0\"}");
    }

    /** The one-pass writer against the envelope it replaced (a tree: version first, then the record's fields). */
    @Test
    void shouldWriteTheSameBytesAsTheTreeEnvelope() {
        Article article = seedArticle();
        Article bare = new Article("x", 1, ArticleStatus.PUBLISHED, "শিরোনাম", null, null, "<p>ক</p>", "ক", "national",
                List.of(), "ডেস্ক", Edition.PRINT, "bn", article.publishedAt(), article.updatedAt(), null, null, "x", "/x");
        Instant at = Instant.parse("2025-07-13T04:42:00.123456789Z");
        List<Object> events = List.of(
                new ArticlePublished(article.id(), 1, at, article),
                new ArticlePublished(bare.id(), 1, at, bare),
                new ArticleUpdated(article.id(), 2, at, article.withStatus(ArticleStatus.PUBLISHED, 2, article.updatedAt())),
                new ArticleUnpublished(article.id(), 3, at, article.withStatus(ArticleStatus.UNPUBLISHED, 3, article.updatedAt())),
                new ArticleDeleted(article.id(), 4, at),
                new ArticleViewed("a1", "visitor-7", at, "https://www.google.com/?q=\"কিম\"\n", "Mozilla/5.0"),
                new ArticleViewed("a1", "v", Instant.EPOCH, null, null));
        tools.jackson.databind.json.JsonMapper mapper = EventCodec.mapper();

        for (Object event : events) {
            tools.jackson.databind.node.ObjectNode envelope = mapper.createObjectNode();
            envelope.put("schemaVersion", EventCodec.SCHEMA_VERSION);
            envelope.setAll((tools.jackson.databind.node.ObjectNode) mapper.valueToTree(event));
            byte[] written = event instanceof ArticleViewed view ? EventCodec.encode(view)
                    : EventCodec.encode((ArticleEvent) event);

            assertThat(new String(written, StandardCharsets.UTF_8)).as(event.getClass().getSimpleName())
                    .isEqualTo(new String(mapper.writeValueAsBytes(envelope), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldRejectAWrongFirstSchemaVersionAndHalfEventsAsBefore() {
        byte[] huge = "{\"schemaVersion\":5000000000,\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = "{\"schemaVersion\":1,\"type\":\"ArticleDeleted\",\"articleId\":".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventCodec.decodeView(huge)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> EventCodec.decodeArticleEvent(cut)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void shouldIgnoreFieldsAddedLaterWithinTheSameSchemaVersion() {
        byte[] withExtra = """
                {"schemaVersion":1,"type":"ArticleDeleted","articleId":"a1","version":4,"occurredAt":"2025-07-13T04:42:00Z","reason":"legal"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(EventCodec.decodeArticleEvent(withExtra))
                .isEqualTo(new ArticleDeleted("a1", 4, Instant.parse("2025-07-13T04:42:00Z")));
    }
}
