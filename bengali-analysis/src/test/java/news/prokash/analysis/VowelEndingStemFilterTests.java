package news.prokash.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Input here is what Lucene's stemmer leaves, already phonetically folded (য় precomposed). */
class VowelEndingStemFilterTests {

    @Test
    void shouldStripTheGenitiveRaAfterAVowel() {
        assertThat(stem("রাসি\u09DFার")).isEqualTo("রাসি\u09DF");
        assertThat(stem("বারির")).isEqualTo("বার");
        assertThat(stem("আলোর")).isEqualTo("আল");
    }

    @Test
    void shouldStripTheLocativeYyaAfterAa() {
        assertThat(stem("ঢাকা\u09DF")).isEqualTo("ঢাক");
    }

    @Test
    void shouldStripAFinalVowelSign() {
        assertThat(stem("রাসি\u09DFা")).isEqualTo("রাসি\u09DF");
        assertThat(stem("বন্ধু")).isEqualTo("বন্ধ");
    }

    @Test
    void shouldStripOnlyOnce() {
        assertThat(stem("নেতার")).isEqualTo("নেত");
    }

    @Test
    void shouldLeaveAtLeastTwoCharacters() {
        assertThat(stem("তার")).isEqualTo("তার");
        assertThat(stem("মা")).isEqualTo("মা");
        assertThat(stem("দা\u09DF")).isEqualTo("দা\u09DF");
    }

    @Test
    void shouldLeaveConsonantEndingsAndOtherScriptsAlone() {
        assertThat(stem("ছাত্র")).isEqualTo("ছাত্র");
        assertThat(stem("সম\u09DF")).isEqualTo("সম\u09DF");
        assertThat(stem("google")).isEqualTo("google");
        assertThat(stem("2025")).isEqualTo("2025");
    }

    @Test
    void shouldLeaveKeywordsAlone() throws IOException {
        WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader("ঢাকার রাসি\u09DFার"));
        CharArraySet keywords = new CharArraySet(List.of("ঢাকার"), false);
        assertThat(terms(new VowelEndingStemFilter(new SetKeywordMarkerFilter(tokenizer, keywords))))
                .containsExactly("ঢাকার", "রাসি\u09DF");
    }

    private static String stem(String word) {
        char[] buffer = word.toCharArray();
        return new String(buffer, 0, VowelEndingStemFilter.stem(buffer, buffer.length));
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
