package news.prokash.article.article;

import news.prokash.article.config.FieldProblem;
import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    static final int MAX_LIMIT = 50;

    private final ArticleRepository articles;

    ArticleController(ArticleRepository articles) {
        this.articles = articles;
    }

    @GetMapping("/latest")
    ArticleList latest(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    FieldProblem.badRequest("limit", "must be between 1 and " + MAX_LIMIT), null);
        }
        return new ArticleList(articles.latest(limit));
    }

    /** The full article; the ETag is its version, as ingest answers it. */
    @GetMapping("/{id}")
    ResponseEntity<Article> article(@PathVariable String id) {
        ArticleRepository.StoredArticle stored = articles.findById(id).orElseThrow(ArticleNotFoundException::new);
        if (stored.status() == ArticleStatus.DELETED) {
            throw new ArticleGoneException();
        }
        Article article = stored.article();
        if (stored.status() != ArticleStatus.PUBLISHED || !stored.due() || article == null) {
            throw new ArticleNotFoundException();
        }
        return ResponseEntity.ok().eTag(String.valueOf(article.version())).body(article);
    }
}
