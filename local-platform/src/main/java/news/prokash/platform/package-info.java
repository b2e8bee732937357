/** The whole platform on one machine: real servers from the harness plus the four service jars. */
@NullMarked
package news.prokash.platform;

import org.jspecify.annotations.NullMarked;
