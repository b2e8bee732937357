package news.prokash.article.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the latest list ended: the last item's publish instant and id (the list's sort
 * key, so an article published meanwhile cannot shift the next page) and its position. Opaque to
 * clients: base64url of {@code v1|<epoch micros>|<position>|<id>}.
 */
record LatestCursor(Instant publishedAt, String id, int position) {

    private static final String VERSION = "v1";

    String encode() {
        long micros = Math.addExact(Math.multiplyExact(publishedAt.getEpochSecond(), 1_000_000L),
                publishedAt.getNano() / 1_000);
        String raw = VERSION + "|" + micros + "|" + position + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for anything this service did not hand out. */
    static Optional<LatestCursor> decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
                return Optional.empty();
            }
            long micros = Long.parseLong(parts[1]);
            int position = Integer.parseInt(parts[2]);
            if (position < 1) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return Optional.of(new LatestCursor(at, parts[3], position));
        }
        catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
