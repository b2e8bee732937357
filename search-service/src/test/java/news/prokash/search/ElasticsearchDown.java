package news.prokash.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import news.prokash.search.config.SearchProperties;
import org.springframework.core.io.ClassPathResource;

/** A real client aimed at a port nobody listens on: what the service sees while Elasticsearch is down. */
public final class ElasticsearchDown {

    private ElasticsearchDown() {
    }

    public static ElasticsearchClient client() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Rest5Client rest = Rest5Client.builder(URI.create("http://127.0.0.1:" + port)).build();
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
    }

    public static SearchProperties properties() {
        return new SearchProperties(new SearchProperties.Index("articles", "articles-v3",
                new ClassPathResource("elasticsearch/articles-v3.json"), 1, 0),
                new SearchProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }
}
