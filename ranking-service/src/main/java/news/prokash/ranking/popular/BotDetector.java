package news.prokash.ranking.popular;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Known crawlers and bots by user agent (case-insensitive substrings). The intake drops them before
 * Kafka and the topology drops them again, for views that reach the topic by another road.
 */
public final class BotDetector {

    private final String[] patterns;

    public BotDetector(List<String> patterns) {
        this.patterns = patterns.stream()
                .filter(p -> !p.isBlank())
                .map(p -> p.toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
    }

    /** A missing user agent is not a bot: apps and the website's edge may not send one. */
    public boolean isBot(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return false;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            if (agent.contains(pattern)) {
                return true;
            }
        }
        return false;
    }
}
