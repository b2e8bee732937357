package news.prokash.article.article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK client refuses to send (CR, LF, NUL or other
 * bytes in a header, an unencoded backslash in the path). The request head is sent as ISO-8859-1
 * bytes, exactly as written; the answer is read to the end (the request says Connection: close).
 */
record RawHttp(int status, List<String> headerLines, String body) {

    static RawHttp send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            }
            catch (IOException e) {
                // the server may reset the connection after answering a refused request
                if (answer.size() == 0) {
                    throw e;
                }
            }
            return parse(answer.toString(StandardCharsets.ISO_8859_1));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request head: request line, Host, Connection: close, the given header lines, Content-Length. */
    static String head(String method, String target, List<String> headers, int contentLength) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static RawHttp parse(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String head = end < 0 ? answer : answer.substring(0, end);
        String body = end < 0 ? "" : answer.substring(end + 4);
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n", -1)));
        int status = Integer.parseInt(lines.removeFirst().split(" ")[1]);
        boolean chunked = lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                && l.toLowerCase(Locale.ROOT).contains("chunked"));
        String decoded = new String((chunked ? unchunk(body) : body).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        return new RawHttp(status, lines, decoded);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    /** The first value of a response header, or null. */
    String header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
    }
}
