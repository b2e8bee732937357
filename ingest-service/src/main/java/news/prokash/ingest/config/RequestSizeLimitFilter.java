package news.prokash.ingest.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import news.prokash.ingest.article.IngestProperties;
import news.prokash.ingest.article.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses bodies over {@code prokash.ingest.max-body} ({@code max-bulk-body} for {@code /bulk}) with a
 * 413 problem before anything reads them: at once when Content-Length says so (Tomcat then swallows at
 * most {@code server.tomcat.max-swallow-size} and closes the connection), and for a chunked body as
 * soon as the limit is passed while reading ({@link BodyTooLargeException}). First of all filters, so
 * a 50 MB upload costs nothing, not even token verification.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxBulkBody;
    private final JsonMapper json;

    RequestSizeLimitFilter(IngestProperties properties, JsonMapper json) {
        this.maxBody = properties.maxBody().toBytes();
        this.maxBulkBody = properties.maxBulkBody().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean bulk = request.getRequestURI().endsWith("/bulk");
        long limit = bulk ? maxBulkBody : maxBody;
        if (request.getContentLengthLong() > limit) {
            ProblemDetail problem = tooLarge(limit);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        // bulk lines are decoded one by one (a bad line is that line's problem, not the request's)
        chain.doFilter(new Bounded(request, limit, !bulk), response);
    }

    public static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit / 1024 + " KiB.");
        problem.setType(ProblemTypes.TYPES.of("body-too-large"));
        problem.setTitle("Body too large");
        return problem;
    }

    /** Read past the limit of a body without (or with a lying) Content-Length. */
    public static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * A body that is not UTF-8. JSON is UTF-8 (RFC 8259); Jackson would accept overlong forms and encoded
     * surrogates, and a lenient decoder would store U+FFFD in place of the editor's text, so the body is
     * refused instead (400), naming no byte.
     */
    public static final class NotUtf8Exception extends IOException {

        NotUtf8Exception() {
            super("request body is not UTF-8");
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private final boolean utf8;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit, boolean utf8) {
            super(request);
            this.limit = limit;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, utf8 ? new Utf8Check() : null);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final @Nullable Utf8Check utf8;
        private long read;

        CountingStream(ServletInputStream in, long limit, @Nullable Utf8Check utf8) {
            this.in = in;
            this.limit = limit;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                check(new byte[] { (byte) b }, 0, 1);
            }
            else {
                end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                check(buffer, offset, n);
            }
            else if (n < 0) {
                end();
            }
            return n;
        }

        private void check(byte[] bytes, int offset, int length) throws NotUtf8Exception {
            if (utf8 != null && !utf8.accept(bytes, offset, length)) {
                throw new NotUtf8Exception();
            }
        }

        private void end() throws NotUtf8Exception {
            if (utf8 != null && !utf8.complete()) {
                throw new NotUtf8Exception(); // the body ends inside a character
            }
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
    }
}
