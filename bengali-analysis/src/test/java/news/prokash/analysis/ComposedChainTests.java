package news.prokash.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

/**
 * The char filter and token filters rebuild both analyzers exactly, as an index mapping's custom
 * analyzer would ({@code standard} tokenizer plus our filters).
 */
class ComposedChainTests {

    private static final List<String> TEXTS = List.of(Seed.HEADLINE, Seed.LEAD, Seed.MEETING_DATE, Seed.FOOTER,
            Seed.TRAWLER);

    @Test
    void shouldRebuildTheFullTextAnalyzer() {
        UnaryOperator<TokenStream> filters = in -> new BengaliStemTokenFilterFactory().create(
                new BengaliStopTokenFilterFactory().create(
                        new BengaliNormalizationTokenFilterFactory().create(
                                new BengaliFoldTokenFilterFactory().create(in))));
        try (Analyzer composed = custom(filters); Analyzer analyzer = new BengaliAnalyzerFactory().create()) {
            for (String text : TEXTS) {
                assertThat(Tokens.tokens(composed, text)).isEqualTo(Tokens.tokens(analyzer, text));
            }
        }
    }

    @Test
    void shouldRebuildTheExactAnalyzer() {
        try (Analyzer composed = custom(new BengaliFoldTokenFilterFactory()::create);
                Analyzer analyzer = new BengaliExactAnalyzerFactory().create()) {
            for (String text : TEXTS) {
                assertThat(Tokens.tokens(composed, text)).isEqualTo(Tokens.tokens(analyzer, text));
            }
        }
    }

    @Test
    void shouldDropStopwordsBeforeThePhoneticFoldingToo() {
        UnaryOperator<TokenStream> filters = in -> new BengaliStopTokenFilterFactory().create(
                new BengaliFoldTokenFilterFactory().create(in));
        try (Analyzer composed = custom(filters)) {
            assertThat(Tokens.terms(composed, "শুধু সঙ্গে নিয়ে কিম")).containsExactly("কিম");
        }
    }

    private static Analyzer custom(UnaryOperator<TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new BengaliNormalizeCharFilterFactory().create(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(source));
            }
        };
    }
}
