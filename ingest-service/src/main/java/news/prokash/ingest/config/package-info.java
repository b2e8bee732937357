/** Infrastructure: the articles topic and the common metrics tags. */
@NullMarked
package news.prokash.ingest.config;

import org.jspecify.annotations.NullMarked;
