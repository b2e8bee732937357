package news.prokash.ranking.popular;

import news.prokash.contracts.ArticleViewed;
import org.jspecify.annotations.Nullable;

/** A views-topic record after decoding: the view, or (when null) only the raw bytes for the dead-letter topic. */
record DecodedView(@Nullable ArticleViewed view, byte @Nullable [] raw) {

    boolean readable() {
        return view != null;
    }
}
