package news.prokash.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code prokash_bengali}, the full-text analyzer. Tokens in Lucene's spelling: য় precomposed. */
class BengaliAnalyzerTests {

    private static final Analyzer ANALYZER = new BengaliAnalyzerFactory().create();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    @Test
    void shouldAnalyzeTheHeadline() {
        assertThat(Tokens.terms(ANALYZER, Seed.HEADLINE))
                .containsExactly("রাসি\u09DF", "পাস", "আছ", "কিম", "জং", "উন");
    }

    @Test
    void shouldAnalyzeTheSentenceWithTheDateFoldingDigitsAndDroppingStopwords() {
        // উত্তর and হয় are Lucene stopwords; the gap they leave stays in the positions
        assertThat(Tokens.terms(ANALYZER, Seed.MEETING_DATE)).containsExactly(
                "বৈঠক", "গত", "12", "জুলাই", "কোরি\u09DF", "উপকুলি\u09DF", "সহর", "উনসান", "অনুস্ঠ");
        assertThat(Tokens.tokens(ANALYZER, Seed.MEETING_DATE).get(4).positionIncrement()).isEqualTo(2);
    }

    @Test
    void shouldLowercaseEnglishAmongBengali() {
        assertThat(Tokens.terms(ANALYZER, Seed.FOOTER)).containsExactly(
                "কালব", "অনলাইন", "সররসেস", "খবর", "পে", "google", "news", "ফিড", "অনুসরন", "কর");
    }

    @Test
    void shouldAnalyzeTheTrawlerHeadline() {
        // Lucene's stemmer takes -িস (a verb ending) off ইলিস (ইলিশ after folding)
        assertThat(Tokens.terms(ANALYZER, Seed.TRAWLER))
                .containsExactly("এক", "ট্রল", "ধর", "পরল", "65", "মন", "ইল");
    }

    @Test
    void shouldStemTheCaseEndingsOfANounEndingInAVowelToOneStem() {
        // -র and -য় after a vowel are not in Lucene's stemmer: VowelEndingStemFilter covers them
        assertThat(Tokens.terms(ANALYZER, "রাশিয়া রাশিয়ার রাশিয়াকে রাশিয়াতে রাশিয়ায় রাশিয়াদের"))
                .containsOnly("রাসি\u09DF").hasSize(6);
        assertThat(Tokens.terms(ANALYZER, "ঢাকা ঢাকার ঢাকায় ঢাকাকে")).containsOnly("ঢাক").hasSize(4);
    }

    @Test
    void shouldStemTheCaseEndingsOfANounEndingInAConsonant() {
        assertThat(Tokens.terms(ANALYZER, "ছাত্র ছাত্রের ছাত্রকে ছাত্রদের ছাত্রগুলো ছাত্ররা"))
                .containsOnly("ছাত্র").hasSize(6);
        // a stem ending in -ার itself still agrees across its forms
        assertThat(Tokens.terms(ANALYZER, "সরকার সরকারের সরকারকে")).containsOnly("সরক").hasSize(3);
    }

    @Test
    void shouldMatchPrecomposedAndNuktaSpellingsOfYya() {
        String nukta = "রাশি\u09AF\u09BCার";
        String precomposed = "রাশি\u09DFার";
        assertThat(Tokens.terms(ANALYZER, nukta)).isEqualTo(Tokens.terms(ANALYZER, precomposed))
                .containsExactly("রাসি\u09DF");
    }

    @Test
    void shouldGiveTheSameTokensForNfcNfdAndAsTyped() {
        for (String text : List.of(Seed.HEADLINE, Seed.LEAD, Seed.MEETING_DATE, Seed.TRAWLER)) {
            List<String> asTyped = Tokens.terms(ANALYZER, text);
            assertThat(Tokens.terms(ANALYZER, Normalizer.normalize(text, Normalizer.Form.NFC))).isEqualTo(asTyped);
            assertThat(Tokens.terms(ANALYZER, Normalizer.normalize(text, Normalizer.Form.NFD))).isEqualTo(asTyped);
        }
    }

    @Test
    void shouldFoldRraAndRhaBothWays() {
        // পড়ল with ড + nukta and with U+09DC; আষাঢ় with ঢ + nukta and with U+09DD
        assertThat(Tokens.terms(ANALYZER, "প\u09A1\u09BCল প\u09DCল")).containsExactly("পরল", "পরল");
        assertThat(Tokens.terms(ANALYZER, "আষা\u09A2\u09BC আষা\u09DD")).containsExactly("আস", "আস");
    }

    @Test
    void shouldMatchBothEncodingsOfKhandaTa() {
        // ৎ folds to ত, and Lucene's stemmer takes the final ব as a verb ending
        assertThat(Tokens.terms(ANALYZER, "উ\u09CEসব উ\u09A4\u09CD\u200Dসব")).containsExactly("উতস", "উতস");
    }

    @Test
    void shouldIgnoreJoinersInsideWords() {
        // র‍্যাব (ZWJ, the usual way to get ya-phala after ra), with ZWNJ, and without
        assertThat(Tokens.terms(ANALYZER, "র\u200D\u09CD\u09AF\u09BEব র\u200C\u09CD\u09AF\u09BEব র\u09CD\u09AF\u09BEব"))
                .containsExactly("রে", "রে", "রে");
        assertThat(Tokens.terms(ANALYZER, "কিম\u200C জং\u200D উন")).containsExactly("কিম", "জং", "উন");
    }

    @Test
    void shouldFoldShaSsaAndSaTogether() {
        assertThat(Tokens.terms(ANALYZER, "শহর ষহর সহর")).containsExactly("সহর", "সহর", "সহর");
    }

    @Test
    void shouldDropStopwordsWrittenInUnfoldedSpelling() {
        // শুধু and সঙ্গে are in Lucene's list as spelt; they must go after the phonetic folding too
        assertThat(Tokens.terms(ANALYZER, "শুধু সঙ্গে")).isEmpty();
        assertThat(Tokens.terms(ANALYZER, Seed.LEAD)).doesNotContain("সংগে", "সঙ্গে");
    }

    @Test
    void shouldFoldBengaliDigitsToAscii() {
        assertThat(Tokens.terms(ANALYZER, "১২ জুলাই ২০২৫")).containsExactly("12", "জুলাই", "2025");
    }

    @Test
    void shouldKeepOffsetsInTheOriginalText() {
        String text = "রাশি\u09AF\u09BCার পাশে";
        assertThat(Tokens.tokens(ANALYZER, text)).containsExactly(
                new Tokens.Token("রাসি\u09DF", 0, 8, 1), new Tokens.Token("পাস", 9, 13, 1));
    }

    @Test
    void shouldNormalizeQueryTermsWithoutStemming() {
        // what Elasticsearch applies to prefix, wildcard and fuzzy query terms
        assertThat(ANALYZER.normalize("body", "রাশি\u09AF\u09BCার").utf8ToString()).isEqualTo("রাসি\u09DFার");
        assertThat(ANALYZER.normalize("body", "Google").utf8ToString()).isEqualTo("google");
    }
}
