package news.prokash.contracts;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reader opened an article. Travels on {@link Topics#VIEWS} keyed by {@link #articleId()}.
 *
 * @param visitorId opaque id of the reader (a cookie or app install id, never a name or address)
 */
public record ArticleViewed(String articleId, String visitorId, Instant viewedAt, @Nullable String referrer,
        @Nullable String userAgent) {

    public ArticleViewed {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
