package news.prokash.search.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import news.prokash.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes sure the alias exists before anything is written: at startup, and again before the first
 * write if Elasticsearch was not reachable then. Writes name the alias with {@code require_alias},
 * so a missing alias can never make Elasticsearch auto-create an index with guessed mappings.
 */
@Component
public class ArticleIndexInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexInitializer.class);

    private final ElasticsearchClient client;
    private final SearchProperties.Index index;
    private final JsonMapper jsonMapper;
    private volatile boolean ready;

    ArticleIndexInitializer(ElasticsearchClient client, SearchProperties properties, JsonMapper jsonMapper) {
        this.client = client;
        this.index = properties.index();
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ensureExists();
        }
        catch (IOException | ElasticsearchException e) {
            // not fatal: search answers 503 and the consumer retries until Elasticsearch is back
            log.warn("Elasticsearch not ready at startup ({}); the index is created before the first write", e.toString());
        }
    }

    void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                if (!client.indices().existsAlias(a -> a.name(index.alias())).value()) {
                    create();
                }
                ready = true;
            }
        }
    }

    /** The alias is gone (deleted by hand): check again before the next write. */
    void forget() {
        ready = false;
    }

    private void create() throws IOException {
        try {
            createIndex(index.name(), true);
            log.info("Created index {} with alias {}", index.name(), index.alias());
        }
        catch (ElasticsearchException e) {
            // another instance won the race, or the index survived without its alias
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            client.indices().putAlias(a -> a.index(index.name()).name(index.alias()).isWriteIndex(true));
            log.info("Index {} already existed; alias {} points to it", index.name(), index.alias());
        }
    }

    /**
     * A new index from the definition, behind the alias or (for a rebuild) without it and with
     * refresh off until the load is done.
     */
    void createIndex(String name, boolean withAlias) throws IOException {
        String definition = definition(!withAlias);
        client.indices().create(c -> {
            c.index(name).withJson(new StringReader(definition));
            if (withAlias) {
                c.aliases(index.alias(), a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    /** The JSON resource, with shard and replica counts from configuration (they differ per environment). */
    private String definition(boolean bulkLoad) throws IOException {
        try (InputStream in = index.definition().getInputStream()) {
            ObjectNode root = (ObjectNode) jsonMapper.readTree(in);
            ObjectNode settings = root.withObject("/settings/index");
            settings.put("number_of_shards", index.shards());
            settings.put("number_of_replicas", index.replicas());
            if (bulkLoad) {
                settings.put("refresh_interval", "-1");
            }
            return jsonMapper.writeValueAsString(root);
        }
    }
}
