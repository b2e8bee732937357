package news.prokash.ingest.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.prokash.ingest.article.IngestProperties;
import news.prokash.ingest.article.ProblemTypes;
import news.prokash.web.LimitedBody;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses bodies over {@code prokash.ingest.max-body} ({@code max-bulk-body} for {@code /bulk}) with a
 * 413 problem before anything reads them: at once when Content-Length says so (Tomcat then swallows at
 * most {@code server.tomcat.max-swallow-size} and closes the connection), and for a chunked body as
 * soon as the limit is passed while reading ({@link LimitedBody.TooLargeException}). First of all filters, so
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
            LimitedBody.refuse(response, json, problem);
            return;
        }
        // bulk lines are decoded one by one (a bad line is that line's problem, not the request's)
        chain.doFilter(LimitedBody.reading(request,
                in -> bulk ? new LimitedBody.Stream(in, limit) : new Utf8Stream(in, limit)), response);
    }

    public static ProblemDetail tooLarge(long limit) {
        return LimitedBody.tooLarge(ProblemTypes.TYPES, limit);
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

    /** The body counted and checked as strict UTF-8 as it is read. */
    private static final class Utf8Stream extends LimitedBody.Stream {

        private final Utf8Check utf8 = new Utf8Check();

        Utf8Stream(ServletInputStream in, long limit) {
            super(in, limit);
        }

        @Override
        protected void bytesRead(byte[] bytes, int offset, int length) throws NotUtf8Exception {
            if (!utf8.accept(bytes, offset, length)) {
                throw new NotUtf8Exception();
            }
        }

        @Override
        protected void ended() throws NotUtf8Exception {
            if (!utf8.complete()) {
                throw new NotUtf8Exception(); // the body ends inside a character
            }
        }
    }
}
