/** Ingest service: takes articles from the newsroom and publishes them as events. */
@NullMarked
package news.prokash.ingest;

import org.jspecify.annotations.NullMarked;
