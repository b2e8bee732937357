package news.prokash.ranking.view;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import news.prokash.contracts.ArticleViewed;
import news.prokash.ranking.config.InvalidRequestException.FieldError;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/views}; everything nullable so that each gap gets its own error. */
record ViewRequest(@Nullable String articleId, @Nullable String visitorId, @Nullable OffsetDateTime viewedAt,
        @Nullable String referrer, @Nullable String userAgent) {

    static final int MAX_VISITOR_ID = 128;

    static final int MAX_REFERRER = 2048;

    /** Longer user agents are cut, not refused: the header is the browser's, not the client's choice. */
    static final int MAX_USER_AGENT = 512;

    /**
     * @param now the intake's clock
     * @param clockSkew how far ahead of it a reader's clock may be
     * @param grace how late a view may come (the counts of an hour close after it)
     */
    List<FieldError> errors(Instant now, Duration clockSkew, Duration grace) {
        List<FieldError> errors = new ArrayList<>();
        if (articleId == null || articleId.isBlank()) {
            errors.add(new FieldError("articleId", "must not be blank"));
        }
        if (visitorId == null || visitorId.isBlank()) {
            errors.add(new FieldError("visitorId", "must not be blank"));
        }
        else if (visitorId.length() > MAX_VISITOR_ID) {
            errors.add(new FieldError("visitorId", "must be at most " + MAX_VISITOR_ID + " characters"));
        }
        if (viewedAt != null && viewedAt.toInstant().isAfter(now.plus(clockSkew))) {
            errors.add(new FieldError("viewedAt", "must not be in the future"));
        }
        else if (viewedAt != null && viewedAt.toInstant().isBefore(now.minus(grace))) {
            errors.add(new FieldError("viewedAt", "must be within the last " + grace.toMinutes() + " minutes"));
        }
        if (referrer != null && referrer.length() > MAX_REFERRER) {
            errors.add(new FieldError("referrer", "must be at most " + MAX_REFERRER + " characters"));
        }
        return errors;
    }

    /** Only after {@link #errors} came back empty. */
    ArticleViewed toEvent(@Nullable String userAgentHeader, Instant now) {
        if (articleId == null || visitorId == null) {
            throw new IllegalStateException("toEvent() on an invalid request");
        }
        String agent = userAgent != null ? userAgent : userAgentHeader;
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ArticleViewed(articleId, visitorId, viewedAt != null ? viewedAt.toInstant() : now, referrer, agent);
    }
}
