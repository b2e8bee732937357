package news.prokash.ranking.popular;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.prokash.ranking.config.InvalidRequestException;
import news.prokash.ranking.config.InvalidRequestException.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instance to instance: this instance's part of a list, for the instance a reader asked to merge.
 * Not under {@code /api}: it is no contract with the website.
 */
@RestController
class PartialController {

    static final String PATH = "/internal/v1/partials";

    /** Peers' clocks agree to within seconds; anything further off is no peer's "now" (and may overflow the windows). */
    private static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofHours(1);

    private final RankingStores stores;

    private final Clock clock;

    PartialController(RankingStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** @param at the merging instance's "now", so every part is cut at the same moment */
    @GetMapping(PATH + "/{kind}")
    Partial partial(@PathVariable ListKind kind, @RequestParam long at) {
        long now = clock.millis();
        if (Math.abs(at - now) > MAX_CLOCK_DIFFERENCE.toMillis() || at < 0) {
            throw new InvalidRequestException(List.of(new FieldError("at",
                    "must be the current time in epoch milliseconds (within " + MAX_CLOCK_DIFFERENCE.toMinutes()
                            + " minutes of this instance's clock)")));
        }
        return stores.localPartial(kind, Instant.ofEpochMilli(at));
    }
}
