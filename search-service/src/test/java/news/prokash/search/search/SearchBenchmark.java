package news.prokash.search.search;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import news.prokash.contracts.EventCodec;
import news.prokash.harness.Infrastructure;
import news.prokash.search.NewsCorpus;
import news.prokash.search.SearchApplication;
import news.prokash.search.TestArticles;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code ./prokash bench search-service}: on an index of 100,000 generated articles
 * ({@code -Dprokash.benchmark.articles=} to change), prints
 * <ul>
 * <li>indexing: a full replay of the topic through the service (batch listener, bulk requests)
 * beside a raw bulk load of the same documents into an index of the same definition;</li>
 * <li>query latency percentiles through the service's HTTP API beside the identical search request
 * sent straight to Elasticsearch with the Java client (the floor);</li>
 * <li>publish-to-searchable: from the producer's ack to the first search that finds the article.</li>
 * </ul>
 * Never fails on speed.
 */
class SearchBenchmark {

    private static final int ARTICLES = Integer.getInteger("prokash.benchmark.articles", 100_000);
    private static final int QUERIES = 1000;
    private static final int FRESHNESS_SAMPLES = 100;

    @Test
    void benchmark() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "bench-articles-" + run;
        String kafka = Infrastructure.kafka().bootstrapServers();
        List<NewsCorpus.Doc> corpus = NewsCorpus.generate(ARTICLES, 7);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            for (NewsCorpus.Doc doc : corpus) {
                producer.send(new ProducerRecord<>(topic, doc.article().id(), EventCodec.encode(published(doc.article()))));
            }
            producer.flush();

            // command-line arguments: they override application.yml, as on a real deployment
            ConfigurableApplicationContext service = new SpringApplicationBuilder(SearchApplication.class).run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                    "--spring.elasticsearch.uris=" + Infrastructure.elasticsearch().uri(),
                    "--spring.cloud.stream.bindings.indexArticleEvents-in-0.destination=" + topic,
                    "--spring.cloud.stream.bindings.indexArticleEvents-in-0.group=bench-" + run,
                    "--spring.cloud.stream.kafka.bindings.indexArticleEvents-in-0.consumer.dlq-name=" + topic + ".dlt",
                    "--prokash.search.index.alias=bench-" + run,
                    "--prokash.search.index.name=bench-" + run + "-v3");
            try {
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                ElasticsearchClient client = service.getBean(ElasticsearchClient.class);
                ArticleSearch search = service.getBean(ArticleSearch.class);
                int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));

                long firstIndexed = waitFor(() -> indexed(meters) > 0, Duration.ofMinutes(5));
                long lastIndexed = waitFor(() -> indexed(meters) >= ARTICLES, Duration.ofMinutes(30));
                double replayRate = ARTICLES / ((lastIndexed - firstIndexed) / 1e9);
                double rawRate = rawBulk(client, corpus, "bench-raw-" + run);
                // done with it: its merges would otherwise run beside the latency measurement
                client.indices().delete(d -> d.index("bench-raw-" + run));
                client.indices().refresh(r -> r.index("bench-" + run));

                System.out.printf("INDEXING %d articles: replay through the service %.0f docs/s, raw bulk %.0f docs/s (%.0f%%)%n",
                        ARTICLES, replayRate, rawRate, 100 * replayRate / rawRate);

                latency(port, client, search);
                freshness(port, producer, topic);
                client.indices().delete(d -> d.index("bench-" + run + "-v3"));
            }
            finally {
                service.close();
                admin.deleteTopics(List.of(topic, topic + ".dlt"));
            }
        }
    }

    private static double rawBulk(ElasticsearchClient client, List<NewsCorpus.Doc> corpus, String index) throws Exception {
        String definition;
        try (InputStream in = new ClassPathResource("elasticsearch/articles-v3.json").getInputStream()) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        client.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += 1000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
            for (NewsCorpus.Doc doc : corpus.subList(from, Math.min(corpus.size(), from + 1000))) {
                Map<String, Object> source = SearchRelevanceIntegrationTests.source(doc.article(), true);
                bulk.operations(op -> op.index(i -> i.id(doc.article().id()).version(1L).versionType(VersionType.External)
                        .document(source)));
            }
            client.bulk(bulk.build());
        }
        return corpus.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void latency(int port, ElasticsearchClient client, ArticleSearch search) throws Exception {
        List<String> queries = new ArrayList<>();
        NewsCorpus.bengaliQueries().forEach(j -> queries.add(j.query()));
        NewsCorpus.latinQueries().forEach(j -> queries.add(j.query()));
        HttpClient http = HttpClient.newHttpClient();
        long[] service = new long[QUERIES];
        long[] raw = new long[QUERIES];
        for (int i = -200; i < QUERIES; i++) {
            String q = queries.get(Math.floorMod(i, queries.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            client.search(search.request(SearchCriteria.of(q, 10)), ArticleHit.class);
            long t2 = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search answered " + response.statusCode());
            }
            if (i >= 0) {
                service[i] = t1 - t0;
                raw[i] = t2 - t1;
            }
        }
        Arrays.sort(service);
        Arrays.sort(raw);
        System.out.printf("QUERY %d searches (%d distinct queries, after 200 warm-up): service p50 %.1f ms p95 %.1f ms p99 %.1f ms | "
                        + "raw Elasticsearch p50 %.1f ms p95 %.1f ms p99 %.1f ms | p99 ratio %.2f%n",
                QUERIES, queries.size(), ms(service, 50), ms(service, 95), ms(service, 99), ms(raw, 50), ms(raw, 95),
                ms(raw, 99), ms(service, 99) / ms(raw, 99));
    }

    private static void freshness(int port, KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long[] latency = new long[FRESHNESS_SAMPLES];
        for (int i = 0; i < FRESHNESS_SAMPLES; i++) {
            String word = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Article article = TestArticles.article("fresh-" + UUID.randomUUID(), 1, "তাজা খবর " + word, "সারাংশ",
                    "লেখা " + word, "national", List.of(), TestArticles.JULY_13);
            producer.send(new ProducerRecord<>(topic, article.id(), EventCodec.encode(published(article)))).get();
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/search?q=" + word)).build();
            while (!http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(article.id())) {
                Thread.sleep(10);
            }
            latency[i] = System.nanoTime() - sent;
        }
        Arrays.sort(latency);
        System.out.printf("FRESHNESS %d articles, ack to searchable: p50 %.0f ms p99 %.0f ms max %.0f ms%n",
                FRESHNESS_SAMPLES, ms(latency, 50), ms(latency, 99), latency[FRESHNESS_SAMPLES - 1] / 1e6);
    }

    private static double indexed(MeterRegistry meters) {
        return meters.get("prokash.search.index").tag("outcome", "indexed").counter().count();
    }

    private static long waitFor(java.util.function.BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + within);
            }
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static ArticlePublished published(Article article) {
        return new ArticlePublished(article.id(), article.version(), Instant.now(), article);
    }
}
