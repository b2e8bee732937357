package news.prokash.harness;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same three servers as Docker containers, for machines with a Docker engine. Containers are
 * never stopped here: Testcontainers' reaper removes them when the JVM ends.
 */
final class TestcontainersInfrastructure {

	private TestcontainersInfrastructure() {
	}

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	static KafkaEndpoint kafka() {
		KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + Layout.load().kafkaVersion()))
			.withEnv("KAFKA_NUM_PARTITIONS", "6")
			.withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
		kafka.start();
		return new KafkaEndpoint(kafka.getBootstrapServers());
	}

	/** Built from docker/elasticsearch/Dockerfile (also used by docker compose) with our plugin zip. */
	static ElasticsearchEndpoint elasticsearch() {
		Layout layout = Layout.load();
		String image = new ImageFromDockerfile("prokash/elasticsearch:" + layout.elasticsearchVersion(), false)
			.withFileFromPath("Dockerfile", layout.elasticsearchDockerfile())
			.withFileFromPath("prokash-bengali.zip", layout.elasticsearchPlugin())
			.withBuildArg("PLUGIN_ZIP", "prokash-bengali.zip")
			.get();
		ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
				DockerImageName.parse(image).asCompatibleSubstituteFor("docker.elastic.co/elasticsearch/elasticsearch"))
			.withEnv("xpack.security.enabled", "false")
			.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
		elasticsearch.start();
		return new ElasticsearchEndpoint("http://" + elasticsearch.getHttpHostAddress());
	}

	static PostgresEndpoint postgres() {
		PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17"))
			.withDatabaseName(PostgresServer.DEFAULT_DATABASE);
		postgres.start();
		return new PostgresEndpoint(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
	}

}
