@NullMarked
package news.prokash.search;

import org.jspecify.annotations.NullMarked;
