package news.prokash.ranking.view;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import news.prokash.ranking.config.ProblemTypes;
import news.prokash.ranking.config.RankingProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The view intake reads a body whole before judging it, so its size is capped before anything reads
 * it: a 413 problem at once when Content-Length says so, and while reading for a chunked (or lying)
 * body ({@link BodyTooLargeException}, answered by {@link ViewController}). One view is at most a few
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
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // Tomcat swallows at most server.tomcat.max-swallow-size of the rest, then closes
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), tooLarge(limit));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit / 1024 + " KiB.");
        problem.setTitle("Body too large");
        return ProblemTypes.typed(problem, "body-too-large");
    }

    /** Read past the limit of a body without (or with a lying) Content-Length. */
    static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {

                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
