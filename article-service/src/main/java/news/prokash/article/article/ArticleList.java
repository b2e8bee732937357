package news.prokash.article.article;

import java.util.List;

/** Every list answer of the platform is an object, so fields can be added beside the items. */
record ArticleList(List<ArticleSummary> items) {
}
