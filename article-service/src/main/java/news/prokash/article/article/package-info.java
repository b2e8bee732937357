/**
 * Articles: applying the events of the articles topic to PostgreSQL (with retries and dead
 * letters, and a replay from the topic), and reading them back: by id and slug, the latest list,
 * the history, RSS feeds, the Google News sitemap and schema.org JSON-LD.
 */
@NullMarked
package news.prokash.article.article;

import org.jspecify.annotations.NullMarked;
