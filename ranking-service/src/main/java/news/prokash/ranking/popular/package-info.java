/** The popular list: the Kafka Streams topology, its stores and the query over them. */
@NullMarked
package news.prokash.ranking.popular;

import org.jspecify.annotations.NullMarked;
