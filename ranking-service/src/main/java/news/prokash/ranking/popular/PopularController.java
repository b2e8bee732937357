package news.prokash.ranking.popular;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import news.prokash.ranking.config.InvalidRequestException;
import news.prokash.ranking.config.InvalidRequestException.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PopularController {

    static final int MAX_LIMIT = 50;

    static final String AGE_HEADER = "X-List-Age";

    /** Letters with their combining marks (Bengali vowel signs are marks, not letters), digits, - and _. */
    private static final Pattern SECTION = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]{1,64}");

    private final PopularLists lists;

    private final RankingStores stores;

    private final DressedLists dressed;

    private final Clock clock;

    PopularController(PopularLists lists, RankingStores stores, DressedLists dressed, Clock clock) {
        this.lists = lists;
        this.stores = stores;
        this.dressed = dressed;
        this.clock = clock;
    }

    @GetMapping("/api/v1/popular")
    ResponseEntity<PopularList> popular(@RequestParam(defaultValue = "24h") String window,
            @RequestParam(required = false) @Nullable String section, @RequestParam(defaultValue = "20") int limit) {
        ListKind kind = ListKind.popular(window).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("window", "must be one of 1h, 6h, 24h, 7d"))));
        return answer(kind, section, limit);
    }

    /** Rising stories: see {@link LocalRanking} for the formula. */
    @GetMapping("/api/v1/trending")
    ResponseEntity<PopularList> trending(@RequestParam(required = false) @Nullable String section,
            @RequestParam(defaultValue = "20") int limit) {
        return answer(ListKind.TRENDING, section, limit);
    }

    private ResponseEntity<PopularList> answer(ListKind kind, @Nullable String section, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        if (section != null && !SECTION.matcher(section).matches()) {
            throw new InvalidRequestException(
                    List.of(new FieldError("section", "must be a section name (letters, digits, - or _)")));
        }
        PopularLists.Snapshot snapshot = lists.get(kind);
        Instant now = clock.instant();
        List<PopularArticle> items = dressed.get(new DressedLists.Key(kind, section, limit), snapshot, now,
                () -> stores.read(summaries -> PopularRanking.dress(snapshot.list(), section,
                        kind == ListKind.TRENDING, summaries, now, limit)));
        Duration age = Duration.between(snapshot.madeAt(), now);
        double ageSeconds = Math.max(0, age.toMillis()) / 1000.0;
        return ResponseEntity.ok()
                .header(AGE_HEADER, Long.toString(Math.max(0, age.toSeconds())))
                .body(new PopularList(items, kind.window(), section, ageSeconds));
    }
}
