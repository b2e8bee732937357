/** Infrastructure: error answers shared by every endpoint. */
@NullMarked
package news.prokash.article.config;

import org.jspecify.annotations.NullMarked;
