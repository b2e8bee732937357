package news.prokash.search.search;

import java.util.List;

import news.prokash.contracts.LeadImage;
import org.jspecify.annotations.Nullable;

/** The part of an indexed article's {@code _source} a result item needs (the body stays in Elasticsearch). */
record ArticleHit(
        String id,
        String headline,
        @Nullable String summary,
        String section,
        String publishedAt,
        String url,
        @Nullable LeadImage leadImage) {

    static final List<String> FIELDS =
            List.of("id", "headline", "summary", "section", "publishedAt", "url", "leadImage");
}
