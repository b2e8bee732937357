/** Ranking service: reader views in, the most-read articles out. */
@NullMarked
package news.prokash.ranking;

import org.jspecify.annotations.NullMarked;
