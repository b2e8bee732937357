/**
 * Articles: applying the events of the articles topic to PostgreSQL, and reading them back
 * by id and as the latest list.
 */
@NullMarked
package news.prokash.article.article;

import org.jspecify.annotations.NullMarked;
