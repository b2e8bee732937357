@NullMarked
package news.prokash.search.config;

import org.jspecify.annotations.NullMarked;
