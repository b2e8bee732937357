package news.prokash.ranking.popular;

import java.time.Clock;
import java.util.List;

import news.prokash.ranking.config.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PopularController {

    static final int MAX_LIMIT = 50;

    private final RankingStores stores;

    private final Clock clock;

    PopularController(RankingStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/api/v1/popular")
    PopularList popular(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(
                    List.of(new InvalidRequestException.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return new PopularList(stores.read(
                s -> PopularRanking.top(s.viewCounts(), s.articleSummaries(), clock.instant(), limit)));
    }
}
