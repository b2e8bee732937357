package news.prokash.ranking.popular;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes to the global store of article summaries on this instance, so that an answer dressed from the
 * store can tell whether it is still what the store says ({@link DressedLists}).
 */
final class CatalogVersion {

    private final AtomicLong changes = new AtomicLong();

    long current() {
        return changes.get();
    }

    void changed() {
        changes.incrementAndGet();
    }
}
