package news.prokash.ranking.popular;

import java.util.List;

/** Lists answer {@code {"items": [...]}} so fields can be added beside the items later. */
record PopularList(List<PopularArticle> items) {
}
