package news.prokash.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where this module's build put the servers' files. The build writes absolute paths into
 * {@code prokash-harness.properties}, so the harness works from any module's tests and from the
 * launcher; a system property {@code prokash.harness.<key>} overrides a value.
 */
record Layout(String kafkaVersion, Path kafkaLibs, String elasticsearchVersion, Path elasticsearchHome,
		Path elasticsearchPlugin, Path elasticsearchDockerfile, String postgresVersion) {

	private static final String RESOURCE = "/prokash-harness.properties";

	static Layout load() {
		Properties properties = new Properties();
		try (InputStream in = Layout.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new HarnessException(RESOURCE + " is missing from the class path: build platform-harness");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Layout(value(properties, "kafka.version"), Path.of(value(properties, "kafka.libs")),
				value(properties, "elasticsearch.version"), Path.of(value(properties, "elasticsearch.home")),
				Path.of(value(properties, "elasticsearch.plugin")),
				Path.of(value(properties, "elasticsearch.dockerfile")).normalize(),
				value(properties, "postgres.version"));
	}

	private static String value(Properties properties, String key) {
		String value = System.getProperty("prokash.harness." + key, properties.getProperty(key));
		if (value == null || value.contains("@")) {
			throw new HarnessException("prokash-harness.properties has no value for " + key + " (unfiltered build?)");
		}
		return value;
	}

}
