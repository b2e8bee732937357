package news.prokash.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code prokash_bengali_exact}: lossless normalization only. */
class BengaliExactAnalyzerTests {

    private static final Analyzer ANALYZER = new BengaliExactAnalyzerFactory().create();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    @Test
    void shouldAnalyzeTheHeadline() {
        assertThat(Tokens.terms(ANALYZER, Seed.HEADLINE))
                .containsExactly("রাশি\u09DFার", "পাশে", "আছেন", "কিম", "জং", "উন");
    }

    @Test
    void shouldKeepEveryWordOfTheSentenceWithTheDate() {
        assertThat(Tokens.terms(ANALYZER, Seed.MEETING_DATE)).containsExactly(
                "বৈঠকটি", "গত", "12", "জুলাই", "উত্তর", "কোরি\u09DFার", "উপকূলী\u09DF", "শহর", "উনসানে",
                "অনুষ্ঠিত", "হ\u09DF");
        assertThat(Tokens.tokens(ANALYZER, Seed.MEETING_DATE)).allMatch(token -> token.positionIncrement() == 1);
    }

    @Test
    void shouldAnalyzeTheLead() {
        assertThat(Tokens.terms(ANALYZER, Seed.LEAD)).containsExactly(
                "উত্তর", "কোরি\u09DFার", "নেতা", "কিম", "জং", "উন", "রাশি\u09DFার", "পররাষ্ট্রমন্ত্রী", "সের্গেই",
                "ল্যাভরভের", "সঙ্গে", "বৈঠক", "করেছেন");
    }

    @Test
    void shouldLowercaseEnglishAmongBengali() {
        assertThat(Tokens.terms(ANALYZER, Seed.FOOTER)).containsExactly(
                "কালবেলা", "অনলাইন", "এর", "সর্বশেষ", "খবর", "পেতে", "google", "news", "ফিডটি", "অনুসরণ", "করুন");
    }

    @Test
    void shouldKeepShaSsaAndSaApart() {
        assertThat(Tokens.terms(ANALYZER, "শহর ষহর সহর")).containsExactly("শহর", "ষহর", "সহর");
        assertThat(Tokens.terms(ANALYZER, "উপকূলীয় উপকুলিয়")).containsExactly("উপকূলী\u09DF", "উপকুলি\u09DF");
        assertThat(Tokens.terms(ANALYZER, "মণ মন")).containsExactly("মণ", "মন");
    }

    @Test
    void shouldMatchPrecomposedAndNuktaSpellings() {
        assertThat(Tokens.terms(ANALYZER, "রাশি\u09AF\u09BCার রাশি\u09DFার")).containsExactly("রাশি\u09DFার", "রাশি\u09DFার");
        assertThat(Tokens.terms(ANALYZER, "প\u09A1\u09BCল প\u09DCল")).containsExactly("প\u09DCল", "প\u09DCল");
        assertThat(Tokens.terms(ANALYZER, "আষা\u09A2\u09BC আষা\u09DD")).containsExactly("আষা\u09DD", "আষা\u09DD");
    }

    @Test
    void shouldKeepRraApartFromRa() {
        // the full-text analyzer folds ড় into র; here they are different words (পড়া, পরা)
        assertThat(Tokens.terms(ANALYZER, "পড়া পরা")).containsExactly("প\u09DCা", "পরা");
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
    void shouldMatchBothEncodingsOfKhandaTa() {
        assertThat(Tokens.terms(ANALYZER, "হঠা\u09CE হঠা\u09A4\u09CD\u200D")).containsExactly("হঠা\u09CE", "হঠা\u09CE");
    }

    @Test
    void shouldIgnoreJoinersInsideWords() {
        assertThat(Tokens.terms(ANALYZER, "র\u200D\u09CD\u09AF\u09BEব র\u200C\u09CD\u09AF\u09BEব র\u09CD\u09AF\u09BEব"))
                .containsExactly("র্যাব", "র্যাব", "র্যাব");
        assertThat(Tokens.terms(ANALYZER, "কিছু\u200Cটা")).containsExactly("কিছুটা");
    }

    @Test
    void shouldFoldBengaliDigitsToAscii() {
        assertThat(Tokens.terms(ANALYZER, Seed.TRAWLER)).containsExactly("এক", "ট্রলারে", "ধরা", "প\u09DCল", "65", "মণ", "ইলিশ");
    }

    @Test
    void shouldKeepOffsetsInTheOriginalText() {
        // 6 chars typed with a ZWJ, one token of 5 chars covering all 6
        assertThat(Tokens.tokens(ANALYZER, "র\u200D\u09CD\u09AF\u09BEব"))
                .containsExactly(new Tokens.Token("র্যাব", 0, 6, 1));
    }

    @Test
    void shouldNormalizeQueryTermsLosslessly() {
        assertThat(ANALYZER.normalize("body", "শহর").utf8ToString()).isEqualTo("শহর");
        assertThat(ANALYZER.normalize("body", "রাশি\u09AF\u09BCার").utf8ToString()).isEqualTo("রাশি\u09DFার");
    }
}
