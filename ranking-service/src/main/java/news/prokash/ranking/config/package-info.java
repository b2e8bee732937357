/** Infrastructure: topics, metrics, properties. */
@NullMarked
package news.prokash.ranking.config;

import org.jspecify.annotations.NullMarked;
