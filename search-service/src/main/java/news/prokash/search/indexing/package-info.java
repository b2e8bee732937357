@NullMarked
package news.prokash.search.indexing;

import org.jspecify.annotations.NullMarked;
