/** The article intake: request, validation, sanitizing, slugs, ids and publishing. */
@NullMarked
package news.prokash.ingest.article;

import org.jspecify.annotations.NullMarked;
