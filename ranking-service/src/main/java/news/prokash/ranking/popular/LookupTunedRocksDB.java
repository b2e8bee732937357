package news.prokash.ranking.popular;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB options for stores that are mostly asked for keys they do not hold. The dedup store
 * {@code first-views} is read two or three times per view, and nearly every view is a reader's
 * first of that article, so nearly every read misses.
 *
 * <p>Kafka Streams opens its stores with {@code optimize_filters_for_hits}, which leaves the
 * bottommost level without Bloom filters (right when lookups usually find their key): a miss
 * then reads a data block of that level. A memtable Bloom filter lets a miss skip the
 * memtables' skip lists too. Set as {@code rocksdb.config.setter}; it applies to every store
 * of the application, and the hourly counts' reads (a window's current count) gain the same way.
 */
public final class LookupTunedRocksDB implements RocksDBConfigSetter {

    /** Memtable Bloom filter size as a share of the write buffer (RocksDB suggests 0.1 or less). */
    static final double MEMTABLE_BLOOM_RATIO = 0.1;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setOptimizeFiltersForHits(false);
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
        options.setMemtableWholeKeyFiltering(true);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated here: every option above is a plain value
    }
}
