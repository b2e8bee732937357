package news.prokash.article.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import news.prokash.contracts.Article;

/**
 * {@code GET /api/v1/articles/{id}}: the contract's {@link Article} fields, unchanged, plus the
 * display strings the website prints.
 */
record ArticleView(@JsonUnwrapped Article article, Display display) {

    static ArticleView of(Article article) {
        return new ArticleView(article, Display.of(article));
    }

    /**
     * @param published e.g. {@code প্রকাশ : ১৩ জুলাই ২০২৫, ১০:৪২ এএম}
     * @param updated e.g. {@code আপডেট : ১৩ জুলাই ২০২৫, ১১:০৫ এএম}
     */
    record Display(String published, String updated) {

        static Display of(Article article) {
            return new Display(BengaliFormat.published(article.publishedAt()), BengaliFormat.updated(article.updatedAt()));
        }
    }
}
