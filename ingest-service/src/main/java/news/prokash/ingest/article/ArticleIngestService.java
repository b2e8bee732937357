package news.prokash.ingest.article;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticlePublished;
import org.springframework.stereotype.Service;

/** Builds the article from the request and returns only once its event is on the log. */
@Service
class ArticleIngestService {

    private final ArticleFactory factory;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;

    ArticleIngestService(ArticleFactory factory, ArticlePublisher publisher, IngestMetrics metrics) {
        this.factory = factory;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    Article ingest(IngestRequest request) {
        Article article = factory.create(request);
        try {
            publisher.publish(new ArticlePublished(article.id(), article.version(), article.updatedAt().toInstant(), article));
        }
        catch (PublishFailedException e) {
            metrics.failed();
            throw e;
        }
        metrics.accepted();
        return article;
    }
}
