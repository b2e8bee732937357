package news.prokash.ingest.article;

import java.net.URI;

import jakarta.validation.Valid;
import news.prokash.contracts.Article;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleIngestService ingest;
    private final String readApiBaseUrl;

    ArticleController(ArticleIngestService ingest, IngestProperties properties) {
        this.ingest = ingest;
        this.readApiBaseUrl = properties.readApiBaseUrl().replaceAll("/+$", "");
    }

    /**
     * 202, not 201: the article is on the event log, and article-service (the Location) serves it
     * once it has consumed the event, usually within a second.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ingested> ingest(@Valid @RequestBody IngestRequest request) {
        Article article = ingest.ingest(request);
        return ResponseEntity.accepted()
                .eTag(Long.toString(article.version()))
                .location(URI.create(readApiBaseUrl + "/api/v1/articles/" + article.id()))
                .body(new Ingested(article.id(), article.version()));
    }

    record Ingested(String id, long version) {
    }
}
