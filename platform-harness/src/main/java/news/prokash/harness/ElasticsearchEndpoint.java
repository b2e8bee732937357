package news.prokash.harness;

/** Where Elasticsearch answers HTTP, e.g. {@code http://127.0.0.1:41234} (no security). */
public record ElasticsearchEndpoint(String uri) {
}
