package news.prokash.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send (CR, LF, NUL or other bytes in
 * a header, an unencoded backslash in the path, invalid UTF-8, lying lengths), from a chosen loopback
 * address (127.0.0.2, 127.0.0.3 … are other clients to the service). The request is sent exactly as
 * given (a head as ISO-8859-1 bytes); the answer is read until the server closes (the requests built
 * here say {@code Connection: close}).
 */
public record RawHttp(String fromAddress, int port) {

    /** An answer: status, header lines as received, body decoded as UTF-8 (de-chunked). */
    public record Answer(int status, List<String> headerLines, String body) {

        /** The first value of a header (any case), or null. */
        public @Nullable String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst().orElse(null);
        }

        /** The headers by lower-case name (the last of repeated ones). */
        public Map<String, String> headers() {
            Map<String, String> headers = new TreeMap<>();
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            return headers;
        }
    }

    /** Sends a head (see {@link #head}) and body from 127.0.0.1 to this port. */
    public static Answer send(int port, String head, byte[] body) {
        return new RawHttp("127.0.0.1", port).exchange(concat(head.getBytes(StandardCharsets.ISO_8859_1), body));
    }

    /** A request head: request line, Host, Connection: close, the given header lines, Content-Length (if ≥ 0). */
    public static String head(String method, String target, List<String> headers, int contentLength) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    public Answer post(String path, String contentType, byte[] body, String... extraHeaders) {
        // the extra headers last: one that ends the head early leaves the body's length known
        List<String> headers = new ArrayList<>(List.of("Content-Type: " + contentType, "Content-Length: " + body.length));
        headers.addAll(List.of(extraHeaders));
        return exchange(concat(head("POST", path, headers, -1).getBytes(StandardCharsets.ISO_8859_1), body));
    }

    public Answer get(String path) {
        return exchange(head("GET", path, List.of(), -1).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends these bytes as they are and reads the answer until the server closes. */
    public Answer exchange(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            }
            catch (IOException e) {
                // the server may answer and close before it has read everything (413): read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                bytes.write(buffer, 0, n);
            }
        }
        catch (IOException e) {
            // a reset after the answer (the server closed with unread input): keep what arrived
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer: " + text);
        }
        List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n", -1)));
        int status = Integer.parseInt(lines.removeFirst().split(" ")[1]);
        byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        Answer head = new Answer(status, List.copyOf(lines), "");
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, head.headerLines(), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
