package news.prokash.ranking.popular;

import java.time.Instant;

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

    private final RankingStores stores;

    PartialController(RankingStores stores) {
        this.stores = stores;
    }

    /** @param at the merging instance's "now", so every part is cut at the same moment */
    @GetMapping(PATH + "/{kind}")
    Partial partial(@PathVariable ListKind kind, @RequestParam long at) {
        return stores.localPartial(kind, Instant.ofEpochMilli(at));
    }
}
