package news.prokash.harness;

/** Where a Kafka broker listens: {@code host:port} for {@code bootstrap.servers}. */
public record KafkaEndpoint(String bootstrapServers) {
}
