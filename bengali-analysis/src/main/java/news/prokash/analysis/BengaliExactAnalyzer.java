package news.prokash.analysis;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * {@code prokash_bengali_exact}: only the lossless steps, so শ and স, ী and ি stay apart and
 * every word keeps its position for phrase queries (no stopwords, no stemming).
 */
final class BengaliExactAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return BengaliCharNormalization.wrap(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return BengaliCharNormalization.wrap(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, BengaliFilters.fold(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return BengaliFilters.fold(in);
    }
}
