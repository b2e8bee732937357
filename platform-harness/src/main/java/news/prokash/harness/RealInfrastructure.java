package news.prokash.harness;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the real servers of {@link Infrastructure}. Use it in a
 * {@code @DynamicPropertySource} method; a server starts when the application context is built,
 * not before.
 */
public final class RealInfrastructure {

	private RealInfrastructure() {
	}

	/** {@code spring.kafka.bootstrap-servers} and the Kafka and Kafka Streams binders' brokers. */
	public static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.kafka().bootstrapServers());
		registry.add("spring.cloud.stream.kafka.binder.brokers", () -> Infrastructure.kafka().bootstrapServers());
		registry.add("spring.cloud.stream.kafka.streams.binder.brokers", () -> Infrastructure.kafka().bootstrapServers());
	}

	/** {@code spring.datasource.url}, {@code .username} and {@code .password}. */
	public static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Infrastructure.postgres().jdbcUrl());
		registry.add("spring.datasource.username", () -> Infrastructure.postgres().username());
		registry.add("spring.datasource.password", () -> Infrastructure.postgres().password());
	}

	/** {@code spring.elasticsearch.uris}. */
	public static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> Infrastructure.elasticsearch().uri());
	}

}
