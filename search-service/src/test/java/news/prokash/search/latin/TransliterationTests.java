package news.prokash.search.latin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransliterationTests {

    @ParameterizedTest
    @CsvSource({
            "রাশিয়া, rashiya",
            "ইলিশ, ilish",
            "কিম জং উন, kim jong un",
            "চট্টগ্রাম, chottogram",
            "বাংলাদেশ, bangladesh",
            "ঢাকা, dhaka",
            "ক্রিকেট, kriket",
            "১২ ওভারে, 12 obhare" })
    void shouldRomanizeBengaliAsReadersSpellIt(String bengali, String latin) {
        assertThat(Transliteration.romanize(bengali)).isEqualTo(latin);
    }

    @ParameterizedTest
    @CsvSource({
            "রাশিয়া, rashia",
            "রাশিয়া, rashiya",
            "রাশিয়া, Rasia",
            "ইলিশ, ilish",
            "ইলিশ, ileesh",
            "কিম জং উন, Kim Jong Un",
            "চট্টগ্রাম, chattogram",
            "ঢাকা, Dhaka",
            "ভোলা, vola",
            "জিম্বাবুয়ে, jimbabuye",
            "ক্রিকেট, cricket" })
    void shouldGiveBengaliAndItsLatinSpellingsTheSameKey(String bengali, String latin) {
        assertThat(Transliteration.key(bengali)).isEqualTo(Transliteration.key(latin));
    }

    @ParameterizedTest
    @CsvSource({ "রাশিয়া, false", "rashia, true", "কিম Kim, true", "১২৩, false" })
    void shouldTellLatinQueries(String text, boolean latin) {
        assertThat(Transliteration.hasLatinLetters(text)).isEqualTo(latin);
    }
}
