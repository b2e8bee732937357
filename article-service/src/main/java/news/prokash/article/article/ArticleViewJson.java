package news.prokash.article.article;

import news.prokash.contracts.Article;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The body of {@code GET /api/v1/articles/{id}}: {@link ArticleView} written by the mapper Spring
 * MVC uses, so a body rendered when the event is applied is the one a read would render.
 */
@Component
class ArticleViewJson {

    private final JsonMapper mapper;

    ArticleViewJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String render(Article article) {
        return mapper.writeValueAsString(ArticleView.of(article));
    }
}
