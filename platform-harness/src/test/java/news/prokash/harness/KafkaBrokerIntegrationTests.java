package news.prokash.harness;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerIntegrationTests {

	@Test
	void shouldDeliverAProducedRecordToAConsumer() throws Exception {
		String bootstrapServers = Infrastructure.kafka().bootstrapServers();

		String topic = "harness-" + UUID.randomUUID();
		send(bootstrapServers, topic, "article-1", "রাশিয়ার পাশে আছেন কিম জং উন");

		assertThat(consume(bootstrapServers, topic, 1)).containsExactly("article-1=রাশিয়ার পাশে আছেন কিম জং উন");
	}

	@Test
	void shouldStartAgainOnTheSameWorkDirAfterTheBrokerWasKilled() throws Exception {
		Path workDir = Path.of("target", "harness", "kafka-crash");
		try (KafkaBroker first = KafkaBroker.startClean(workDir, 0)) {
			send(first.bootstrapServers(), "before-crash", "k", "v1");
			ProcessHandle process = ProcessHandle.of(first.pid()).orElseThrow();
			process.destroyForcibly();
			process.onExit().get();
			assertThat(workDir.resolve("kafka.pid")).exists();

			try (KafkaBroker second = KafkaBroker.start(workDir, 0)) {
				send(second.bootstrapServers(), "before-crash", "k", "v2");
				assertThat(consume(second.bootstrapServers(), "before-crash", 2)).containsExactly("k=v1", "k=v2");
			}
		}
	}

	@Test
	void shouldKillTheBrokerOfACrashedJvmButNotOfALiveOne() throws Exception {
		Path workDir = Path.of("target", "harness", "kafka-leftover");
		Process owner = new ProcessBuilder(ChildProcesses.javaExecutable().toString(), "-cp",
				System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
				BrokerOwner.class.getName(), workDir.toString())
			.redirectErrorStream(true)
			.start();
		long leftoverPid = awaitBrokerPid(owner);

		// the owner lives: its broker is not a leftover
		assertThatThrownBy(() -> KafkaBroker.start(workDir, 0)).isInstanceOf(WorkDirInUseException.class)
			.hasMessageContaining("pid " + owner.pid());

		owner.destroyForcibly().waitFor();
		assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive)).contains(true);
		try (KafkaBroker next = KafkaBroker.start(workDir, 0)) {
			assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			send(next.bootstrapServers(), "after-crash", "k", "v");
			assertThat(consume(next.bootstrapServers(), "after-crash", 1)).containsExactly("k=v");
		}
		assertThat(workDir.resolve("kafka.pid")).doesNotExist();
	}

	private static long awaitBrokerPid(Process owner) throws Exception {
		try (BufferedReader output = owner.inputReader()) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith(BrokerOwner.READY)) {
					return Long.parseLong(line.substring(BrokerOwner.READY.length()).trim());
				}
			}
		}
		throw new AssertionError("the owner JVM ended without starting a broker");
	}

	/** A JVM that starts a broker and waits to be killed, like a test run that crashes. */
	static final class BrokerOwner {

		static final String READY = "BROKER-PID ";

		public static void main(String[] args) throws InterruptedException {
			KafkaBroker broker = KafkaBroker.startClean(Path.of(args[0]), 0);
			System.out.println(READY + broker.pid());
			Thread.sleep(Duration.ofMinutes(10));
		}

	}

	@Test
	void shouldRefuseAPortThatIsAlreadyInUse() {
		KafkaEndpoint running = Infrastructure.kafka();
		int taken = Integer.parseInt(running.bootstrapServers().substring(running.bootstrapServers().indexOf(':') + 1));

		assertThatThrownBy(() -> KafkaBroker.start(Path.of("target", "harness", "kafka-port"), taken))
			.isInstanceOf(HarnessException.class)
			.hasMessageContaining("Kafka")
			.hasMessageContaining("port " + taken + " is already in use");
	}

	private static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static List<String> consume(String bootstrapServers, String topic, int count) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "harness-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<String> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					received.add(record.key() + "=" + record.value());
				}
			}
		}
		return received;
	}

}
