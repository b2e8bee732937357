package news.prokash.ranking.popular;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The lists the service answers: popular over four windows, and trending. */
enum ListKind {

    POPULAR_1H("1h", Duration.ofHours(1)),
    POPULAR_6H("6h", Duration.ofHours(6)),
    POPULAR_24H("24h", Duration.ofHours(24)),
    POPULAR_7D("7d", Duration.ofDays(7)),
    TRENDING("trending", Duration.ofHours(1));

    private final String window;

    private final Duration span;

    ListKind(String window, Duration span) {
        this.window = window;
        this.span = span;
    }

    String window() {
        return window;
    }

    /** For popular lists the window; for trending the "now" it compares with the baseline before it. */
    Duration span() {
        return span;
    }

    static Optional<ListKind> popular(String window) {
        return Arrays.stream(values()).filter(k -> k != TRENDING && k.window.equals(window)).findFirst();
    }
}
