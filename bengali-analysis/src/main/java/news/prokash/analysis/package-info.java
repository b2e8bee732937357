/**
 * Elasticsearch stable-API analysis plugin for Bengali news text: the {@code prokash_bengali}
 * (full text) and {@code prokash_bengali_exact} (phrases, exact matching) analyzers, and their
 * steps as a char filter and token filters so index mappings can compose them. See
 * {@code bengali-analysis/README.md}.
 */
@NullMarked
package news.prokash.analysis;

import org.jspecify.annotations.NullMarked;
