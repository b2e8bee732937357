package news.prokash.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.bn.BengaliNormalizationFilter;
import org.apache.lucene.analysis.bn.BengaliStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The token-level steps of both analyzers, one place for the analyzers and the filter factories. */
final class BengaliFilters {

    /**
     * Lucene's Bengali stopwords, in their spelling and folded through {@link #fold} and
     * {@link #phonetic}: the list is partly in unnormalized spelling (শুধু, সঙ্গে, কারণ), so it
     * would miss those words after the phonetic folding, and this way the filter works wherever
     * it sits after {@link #fold}.
     */
    private static final CharArraySet STOPWORDS = stopwords();

    private BengaliFilters() {
    }

    /** Lossless: case, digits of every script to ASCII, Indic compositions (also Devanagari and others). */
    static TokenStream fold(TokenStream in) {
        return new IndicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in)));
    }

    /** Lossy on purpose (শ/ষ -> স, ণ -> ন, ী -> ি, ড়/ঢ় -> র ...): recall over common misspellings. */
    static TokenStream phonetic(TokenStream in) {
        return new BengaliNormalizationFilter(in);
    }

    static TokenStream stop(TokenStream in) {
        return new StopFilter(in, STOPWORDS);
    }

    /** Lucene's stemmer strips one suffix; {@link VowelEndingStemFilter} evens out what it leaves. */
    static TokenStream stem(TokenStream in) {
        return new VowelEndingStemFilter(new BengaliStemFilter(in));
    }

    private static CharArraySet stopwords() {
        CharArraySet stopwords = new CharArraySet(256, false);
        for (Object word : BengaliAnalyzer.getDefaultStopSet()) {
            String spelling = new String((char[]) word);
            stopwords.add(apply(spelling, BengaliFilters::fold));
            stopwords.add(apply(spelling, in -> phonetic(fold(in))));
        }
        return CharArraySet.unmodifiableSet(stopwords);
    }

    private static String apply(String word, UnaryOperator<TokenStream> filters) {
        Tokenizer tokenizer = new KeywordTokenizer();
        tokenizer.setReader(BengaliCharNormalization.wrap(new StringReader(word)));
        try (TokenStream stream = filters.apply(tokenizer)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            stream.incrementToken();
            String result = term.toString();
            stream.end();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
