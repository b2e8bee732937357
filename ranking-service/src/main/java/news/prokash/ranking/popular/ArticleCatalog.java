package news.prokash.ranking.popular;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** Which articles readers may see, from the global store (complete on every instance). */
@Component
public class ArticleCatalog {

    private final RankingStores stores;

    private final Clock clock;

    ArticleCatalog(RankingStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * @throws RankingUnavailableException while the store cannot be read: "unknown" would be a guess
     */
    public boolean isListed(String articleId) {
        return stores.read(s -> {
            ArticleSummary summary = s.get(articleId);
            return summary != null && summary.listedAt(clock.instant());
        });
    }
}
