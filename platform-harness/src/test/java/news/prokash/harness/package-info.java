@NullMarked
package news.prokash.harness;

import org.jspecify.annotations.NullMarked;
