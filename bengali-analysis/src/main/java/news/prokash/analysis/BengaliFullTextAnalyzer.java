package news.prokash.analysis;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** {@code prokash_bengali}: recall-oriented full text. Chain in the README. */
final class BengaliFullTextAnalyzer extends Analyzer {

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
        TokenStream stream = BengaliFilters.fold(source);
        stream = BengaliFilters.phonetic(stream);
        // after the phonetic folding, so misspelt stopwords go too (the list is folded alike)
        stream = BengaliFilters.stop(stream);
        stream = BengaliFilters.stem(stream);
        return new TokenStreamComponents(source, stream);
    }

    // for prefix, wildcard and fuzzy query terms: the per-character steps, no stopwords or stemming
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return BengaliFilters.phonetic(BengaliFilters.fold(in));
    }
}
