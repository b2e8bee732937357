package news.prokash.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code prokash_bengali_stop}: Lucene's Bengali stopwords, matching both before and
 * after {@code prokash_bengali_normalization} (place it after {@code prokash_bengali_fold}).
 */
@NamedComponent(BengaliStopTokenFilterFactory.NAME)
public class BengaliStopTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "prokash_bengali_stop";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return BengaliFilters.stop(tokenStream);
    }
}
