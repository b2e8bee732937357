@NullMarked
package news.prokash.search.search;

import org.jspecify.annotations.NullMarked;
