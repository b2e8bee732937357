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

    static final int MAX_ARTICLE_ID = 200;

    static final int MAX_VISITOR_ID = 128;

    private static final String NOT_PLAIN_TEXT = "must not contain control characters or unpaired surrogates";

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
        else if (articleId.length() > MAX_ARTICLE_ID) {
            errors.add(new FieldError("articleId", "must be at most " + MAX_ARTICLE_ID + " characters"));
        }
        else if (!isPlainText(articleId)) {
            errors.add(new FieldError("articleId", NOT_PLAIN_TEXT));
        }
        if (visitorId == null || visitorId.isBlank()) {
            errors.add(new FieldError("visitorId", "must not be blank"));
        }
        else if (visitorId.length() > MAX_VISITOR_ID) {
            errors.add(new FieldError("visitorId", "must be at most " + MAX_VISITOR_ID + " characters"));
        }
        else if (!isPlainText(visitorId)) {
            errors.add(new FieldError("visitorId", NOT_PLAIN_TEXT));
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
        else if (referrer != null && !isPlainText(referrer)) {
            errors.add(new FieldError("referrer", NOT_PLAIN_TEXT));
        }
        if (userAgent != null && !isPlainText(userAgent)) {
            errors.add(new FieldError("userAgent", NOT_PLAIN_TEXT));
        }
        return errors;
    }

    /**
     * No control characters (NUL, CR, LF, … ; they have no place in an id, URL or user agent, and would
     * go to Kafka and the logs as they are) and no half of a surrogate pair (a JSON escape such as
     * {@code \ud800} that is no character and cannot be written as UTF-8).
     */
    static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Only after {@link #errors} came back empty. */
    ArticleViewed toEvent(@Nullable String userAgentHeader, Instant now) {
        if (articleId == null || visitorId == null) {
            throw new IllegalStateException("toEvent() on an invalid request");
        }
        String agent = userAgent != null ? userAgent : userAgentHeader;
        if (agent != null && !isPlainText(agent)) {
            // only the header can get here so (the body's field is checked): keep what is readable
            agent = agent.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            // never between the halves of a surrogate pair
            agent = agent.substring(0, Character.isHighSurrogate(agent.charAt(MAX_USER_AGENT - 1)) ? MAX_USER_AGENT - 1
                    : MAX_USER_AGENT);
        }
        return new ArticleViewed(articleId, visitorId, viewedAt != null ? viewedAt.toInstant() : now, referrer, agent);
    }
}
