package news.prokash.ranking.view;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.prokash.ranking.config.ProblemTypes;
import news.prokash.ranking.config.RankingProperties;
import news.prokash.web.LimitedBody;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The view intake reads a body whole before judging it, so its size is capped before anything reads
 * it: a 413 problem at once when Content-Length says so, and while reading for a chunked (or lying)
 * body ({@link LimitedBody.TooLargeException}, answered by {@link ViewController}). One view is at most a few
 * KiB by its field limits; a batch at most {@code prokash.ranking.max-batch-body}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ViewBodyLimitFilter extends OncePerRequestFilter {

    static final long MAX_VIEW_BODY = 16 * 1024;

    private final long maxBatchBody;

    private final JsonMapper json;

    ViewBodyLimitFilter(RankingProperties properties, JsonMapper json) {
        this.maxBatchBody = properties.maxBatchBody().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/views");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith("/api/v1/views/batch") ? maxBatchBody : MAX_VIEW_BODY;
        if (request.getContentLengthLong() > limit) {
            LimitedBody.refuse(response, json, tooLarge(limit));
            return;
        }
        chain.doFilter(LimitedBody.reading(request, in -> new LimitedBody.Stream(in, limit)), response);
    }

    static ProblemDetail tooLarge(long limit) {
        return LimitedBody.tooLarge(ProblemTypes.TYPES, limit);
    }
}
