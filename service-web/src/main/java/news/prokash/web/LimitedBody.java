package news.prokash.web;

import java.io.IOException;
import java.util.function.UnaryOperator;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request-body cap of the services that take bodies (ingest, ranking's view intake). A body whose
 * Content-Length is over the limit is refused with a 413 problem before anything reads it ({@link #refuse}); one
 * without a length (chunked) or with a lying one is cut off while it is read ({@link TooLargeException}, which the
 * service answers with the same problem).
 */
public final class LimitedBody {

    private LimitedBody() {
    }

    /** Writes the 413 problem. Tomcat then swallows at most {@code server.tomcat.max-swallow-size} and closes. */
    public static void refuse(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The 413 problem for a body over {@code limit} bytes, whether refused by its length or cut off while read. */
    public static ProblemDetail tooLarge(ProblemTypeBase types, long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit / 1024 + " KiB.");
        problem.setTitle("Body too large");
        problem.setType(types.of("body-too-large"));
        return problem;
    }

    /** The request whose body is read through {@code wrap}'s stream (one stream, however often it is asked for). */
    public static HttpServletRequest reading(HttpServletRequest request, UnaryOperator<ServletInputStream> wrap) {
        return new HttpServletRequestWrapper(request) {

            private @Nullable ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = wrap.apply(super.getInputStream());
                }
                return stream;
            }
        };
    }

    /** Read past the limit of a body without (or with a lying) Content-Length. */
    public static final class TooLargeException extends IOException {

        private final long limit;

        TooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * Counts what is read and throws {@link TooLargeException} past the limit. A service that checks the bytes as
     * well (ingest: strict UTF-8) overrides {@link #bytesRead} and {@link #ended}.
     */
    public static class Stream extends ServletInputStream {

        private final ServletInputStream in;

        private final long limit;

        private final byte[] single = new byte[1];

        private long read;

        public Stream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        /** The bytes just read, after the count: a check that fails throws. */
        protected void bytesRead(byte[] bytes, int offset, int length) throws IOException {
        }

        /** The body has ended. */
        protected void ended() throws IOException {
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                single[0] = (byte) b;
                bytesRead(single, 0, 1);
            }
            else {
                ended();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                bytesRead(buffer, offset, n);
            }
            else if (n < 0) {
                ended();
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > limit) {
                throw new TooLargeException(limit);
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
