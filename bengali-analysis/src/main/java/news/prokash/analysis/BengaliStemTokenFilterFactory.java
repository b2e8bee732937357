package news.prokash.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code prokash_bengali_stem}: Lucene's Bengali stemmer, then
 * {@link VowelEndingStemFilter}. Expects tokens after {@code prokash_bengali_fold} (its suffixes
 * use the precomposed য়).
 */
@NamedComponent(BengaliStemTokenFilterFactory.NAME)
public class BengaliStemTokenFilterFactory implements TokenFilterFactory {

    static final String NAME = "prokash_bengali_stem";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return BengaliFilters.stem(tokenStream);
    }
}
