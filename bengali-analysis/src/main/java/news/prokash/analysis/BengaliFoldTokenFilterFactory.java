package news.prokash.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code prokash_bengali_fold}: lowercase, digits to ASCII, Indic compositions. The
 * lossless token steps; the Elasticsearch distribution here has no analysis-common module, so
 * its {@code decimal_digit} and {@code indic_normalization} filters are not available.
 */
@NamedComponent(BengaliFoldTokenFilterFactory.NAME)
public class BengaliFoldTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "prokash_bengali_fold";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return BengaliFilters.fold(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return BengaliFilters.fold(tokenStream);
    }
}
