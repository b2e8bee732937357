package news.prokash.harness;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 keep-alive connection driven by one thread: write a request, read its answer, again. The
 * client of the load generator ({@code ./prokash load}) and of the benchmarks, which share two cores with
 * what they measure. The JDK's {@code HttpClient} cost the load generator about 280 µs of CPU per request
 * (56 % of a core at 2,000 popular-list requests/s); a blocking socket per worker needs a write and a read.
 * Answers may be sized or chunked; a broken, closed or idle connection is opened again for the next request.
 */
public final class KeepAliveHttp implements Closeable {

    /** An answer: status and body (UTF-8). */
    public record Answer(int status, String body) {
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /**
     * A connection idle longer than this is replaced, not reused. Servers close idle connections (search-service
     * after 2 s, Tomcat's default 60 s); checking for the close first still lost a request to that race
     * in a 10-minute load run (a PUT met the end of the stream). A second is well inside every server's timeout.
     */
    private static final long REUSE_WITHIN_NANOS = 1_000_000_000L;

    private final InetSocketAddress address;

    private final String hostHeader;

    private final int readTimeoutMillis;

    private @Nullable Socket socket;

    private @Nullable InputStream in;

    private @Nullable OutputStream out;

    private long lastUsed;

    public KeepAliveHttp(URI base, int readTimeoutMillis) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.hostHeader = base.getHost() + ":" + base.getPort();
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /**
     * Sends {@code method target} with the given header lines ("Name: value") and body (none if null) and
     * reads the whole answer. An IOException leaves the connection closed; the next call opens a new one.
     */
    public Answer exchange(String method, String target, List<String> headers, byte @Nullable [] body) throws IOException {
        try {
            if (socket != null && System.nanoTime() - lastUsed > REUSE_WITHIN_NANOS) {
                close(); // the server may be closing it this very moment: a new one, rather than a lost request
            }
            if (socket == null) {
                open();
            }
            write(method, target, headers, body);
            Answer answer = read();
            lastUsed = System.nanoTime();
            return answer;
        }
        catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(address, CONNECT_TIMEOUT_MILLIS);
        opened.setSoTimeout(readTimeoutMillis);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(opened.getOutputStream(), 16 * 1024);
    }

    private void write(String method, String target, List<String> headers, byte @Nullable [] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream to = out;
        to.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            to.write(body);
        }
        to.flush();
    }

    private Answer read() throws IOException {
        InputStream from = in;
        String statusLine = line(from);
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(from); !header.isEmpty(); header = line(from)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = chunkSize(line(from)); size > 0; size = chunkSize(line(from))) {
                copy(from, body, size);
                line(from); // the CRLF after each chunk
            }
            for (String trailer = line(from); !trailer.isEmpty(); trailer = line(from)) {
                // trailers are not used by the services
            }
        }
        else if (length >= 0) {
            copy(from, body, length);
        }
        else if (status >= 200 && status != 204 && status != 304) {
            from.transferTo(body); // no length: the body ends with the connection
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private static long chunkSize(String line) throws IOException {
        int extension = line.indexOf(';');
        try {
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
        }
        catch (NumberFormatException e) {
            throw new IOException("not a chunk size: " + line, e);
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to, long length) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = length; left > 0; ) {
            int read = from.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the answer ended " + left + " bytes early");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A line without its CRLF (ISO-8859-1, as HTTP heads are). */
    private static String line(InputStream from) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = from.read(); b != '\n'; b = from.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        Socket open = socket;
        socket = null;
        in = null;
        out = null;
        if (open != null) {
            try {
                open.close();
            }
            catch (IOException ignored) {
                // closing a connection we no longer use: nothing to do about a failure
            }
        }
    }
}
