package news.prokash.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Elasticsearch trusts named_components.json instead of scanning the jar, so it must list exactly
 * the {@code @NamedComponent} classes, under the interface each implements.
 */
class NamedComponentsTests {

    private static final Path METADATA = Path.of("src/main/plugin-metadata");
    private static final List<Class<?>> EXTENSIBLES = List.of(AnalyzerFactory.class, CharFilterFactory.class,
            TokenFilterFactory.class, TokenizerFactory.class);

    @Test
    void shouldListEveryNamedComponentUnderItsInterface() throws Exception {
        Map<String, Map<String, String>> declared = JsonMapper.builder().build().readValue(
                METADATA.resolve("named_components.json").toFile(), new TypeReference<>() {
                });

        assertThat(declared).isEqualTo(scanNamedComponents());
    }

    @Test
    void shouldMakeComponentsElasticsearchCanInstantiate() throws Exception {
        for (Class<?> type : namedComponentClasses()) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isTrue();
            // Elasticsearch calls the public no-argument constructor when there is no @Inject one
            assertThat(type.getConstructor().newInstance()).isNotNull();
        }
    }

    @Test
    void shouldDescribeAStablePlugin() throws IOException {
        Properties descriptor = new Properties();
        try (InputStream in = Files.newInputStream(METADATA.resolve("stable-plugin-descriptor.properties"))) {
            descriptor.load(in);
        }
        assertThat(descriptor).containsEntry("name", "prokash-bengali")
                .containsEntry("elasticsearch.version", "${elasticsearch.version}")
                .containsKeys("description", "version", "java.version")
                .doesNotContainKey("classname");
    }

    private static Map<String, Map<String, String>> scanNamedComponents() throws Exception {
        Map<String, Map<String, String>> found = new HashMap<>();
        for (Class<?> type : namedComponentClasses()) {
            String name = type.getAnnotation(NamedComponent.class).value();
            List<Class<?>> implemented = EXTENSIBLES.stream().filter(e -> e.isAssignableFrom(type)).toList();
            assertThat(implemented).as(type.getName()).hasSize(1);
            found.computeIfAbsent(implemented.getFirst().getName(), k -> new TreeMap<>()).put(name, type.getName());
        }
        return found;
    }

    private static List<Class<?>> namedComponentClasses() throws URISyntaxException {
        Path classes = Path.of(BengaliAnalyzerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(NamedComponentsTests::load)
                    .filter(type -> type.isAnnotationPresent(NamedComponent.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NamedComponentsTests.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
