package news.prokash.ranking.popular;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Dresses ranked entries with what the article says now: a headline edited a second ago shows, an
 * article taken down or moved to another section a second ago does not (the counts may be a
 * second old, the catalog never is).
 */
final class PopularRanking {

    private PopularRanking() {
    }

    static List<PopularArticle> dress(Partial list, @Nullable String section, boolean trending,
            ReadOnlyKeyValueStore<String, ArticleSummary> summaries, Instant now, int limit) {
        List<RankedEntry> entries = section == null ? list.all() : list.sections().getOrDefault(section, List.of());
        List<PopularArticle> items = new ArrayList<>(Math.min(limit, entries.size()));
        for (RankedEntry entry : entries) {
            if (items.size() == limit) {
                break;
            }
            ArticleSummary s = summaries.get(entry.id());
            if (s == null || !s.listedAt(now) || (section != null && !section.equals(s.section()))) {
                continue;
            }
            items.add(new PopularArticle(items.size() + 1, s.id(), s.headline(), s.section(), s.publishedAt(), s.url(),
                    s.leadImage(), entry.views(), trending ? entry.score() : null));
        }
        return items;
    }
}
