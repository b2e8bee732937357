/** The article-service: the system of record that applies article events and serves articles. */
@NullMarked
package news.prokash.article;

import org.jspecify.annotations.NullMarked;
