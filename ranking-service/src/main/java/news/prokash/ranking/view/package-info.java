/** View intake: one reader opened one article. */
@NullMarked
package news.prokash.ranking.view;

import org.jspecify.annotations.NullMarked;
