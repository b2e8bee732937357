package news.prokash.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The demo newsroom: the seed article and the twenty headlines of its lists, sent through the real
 * ingest API, then reader views through the real view API so that the popular list has an order.
 */
final class DemoContent {

    private static final OffsetDateTime SEED_PUBLISHED = OffsetDateTime.parse("2025-07-13T10:42:00+06:00");

    private DemoContent() {
    }

    record Loaded(String seedId, List<String> listIds) {
    }

    static String seedArticleJson() {
        return resource("/demo/seed-article.json");
    }

    /** The twenty headlines of the seed page's lists, each as {@code section<TAB>headline}. */
    static List<String> listHeadlines() {
        return resource("/demo/list-headlines.tsv").lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    static Loaded load(String ingestUrl, String token, String articleUrl, String rankingUrl)
            throws InterruptedException {
        String seedId = ingest(ingestUrl, token, seedArticleJson());
        List<String> listIds = new ArrayList<>();
        int i = 0;
        for (String line : listHeadlines()) {
            String[] parts = line.split("\t", 2);
            listIds.add(ingest(ingestUrl, token, listArticle(parts[0], parts[1].strip(), ++i)));
        }
        awaitReadable(articleUrl, seedId);
        for (String id : listIds) {
            awaitReadable(articleUrl, id);
        }
        // A popularity curve: the seed article first, then the list in its order, fewer views each.
        recordViews(rankingUrl, seedId, 30);
        for (int rank = 0; rank < listIds.size(); rank++) {
            recordViews(rankingUrl, listIds.get(rank), Math.max(1, 24 - rank));
        }
        return new Loaded(seedId, listIds);
    }

    private static String listArticle(String section, String headline, int position) {
        ObjectNode article = Http.JSON.createObjectNode();
        article.put("headline", headline);
        article.put("bodyHtml", "<p>" + escape(headline) + "।</p><p>কালবেলার অনলাইন সংস্করণের তালিকা থেকে নেওয়া শিরোনাম; "
                + "বিস্তারিত প্রতিবেদন পরে যোগ হবে।</p>");
        article.put("section", section);
        article.putArray("tags");
        article.put("byline", "কালবেলা ডেস্ক");
        article.put("edition", "online");
        article.put("language", "bn");
        // newest first as on the page: the first headline was published just before the seed article
        article.put("publishedAt", SEED_PUBLISHED.minusMinutes(5L * position).toString());
        return article.toString();
    }

    private static String ingest(String ingestUrl, String token, String json) {
        Http.Answer answer = Http.postJson(ingestUrl + "/api/v1/articles", token, json);
        if (answer.status() != 202) {
            throw new IllegalStateException("ingest refused demo content: " + answer.status() + " " + answer.body());
        }
        return answer.json().get("id").asString();
    }

    private static void awaitReadable(String articleUrl, String id) throws InterruptedException {
        awaitStatus(articleUrl + "/api/v1/articles/" + id, 200, Duration.ofSeconds(60));
    }

    private static void recordViews(String rankingUrl, String articleId, int visitors) throws InterruptedException {
        for (int v = 0; v < visitors; v++) {
            recordView(rankingUrl, articleId, "demo-visitor-" + v, Duration.ofSeconds(60));
        }
    }

    /**
     * One view, retried while ranking answers 404 or 503: it knows an article only once its Kafka Streams
     * table has it. Fails on any other refusal, or when the article is still unknown after {@code timeout}.
     */
    static void recordView(String rankingUrl, String articleId, String visitorId, Duration timeout)
            throws InterruptedException {
        String body = "{\"articleId\":\"" + articleId + "\",\"visitorId\":\"" + visitorId + "\"}";
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Answer answer = Http.postJson(rankingUrl + "/api/v1/views", body);
        while ((answer.status() == 404 || answer.status() == 503) && System.nanoTime() <= deadline) {
            Thread.sleep(200);
            answer = Http.postJson(rankingUrl + "/api/v1/views", body);
        }
        if (answer.status() != 202) {
            throw new IllegalStateException("ranking refused a view of " + articleId + ": " + answer.status() + " "
                    + answer.body());
        }
    }

    static Http.Answer awaitStatus(String url, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Answer answer = Http.get(url);
        while (answer.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = Http.get(url);
        }
        if (answer.status() != status) {
            throw new IllegalStateException(url + " answered " + answer.status() + " instead of " + status);
        }
        return answer;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
