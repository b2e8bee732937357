package news.prokash.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Token filter {@code prokash_bengali_normalization}: Lucene's lossy Bengali phonetic folding. */
@NamedComponent(BengaliNormalizationTokenFilterFactory.NAME)
public class BengaliNormalizationTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "prokash_bengali_normalization";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return BengaliFilters.phonetic(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return BengaliFilters.phonetic(tokenStream);
    }
}
