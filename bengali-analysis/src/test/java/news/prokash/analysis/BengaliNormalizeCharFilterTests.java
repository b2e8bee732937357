package news.prokash.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** {@code prokash_bengali_normalize}: one spelling for what looks the same. */
class BengaliNormalizeCharFilterTests {

    @Test
    void shouldComposeNuktaLettersAndLeavePrecomposedOnesAlone() {
        assertThat(Tokens.charFiltered("\u09A1\u09BC \u09A2\u09BC \u09AF\u09BC")).isEqualTo("\u09DC \u09DD \u09DF");
        assertThat(Tokens.charFiltered("\u09DC \u09DD \u09DF")).isEqualTo("\u09DC \u09DD \u09DF");
    }

    @Test
    void shouldComposeTwoPartVowelSignsAsNfcDoes() {
        assertThat(Tokens.charFiltered("ক\u09C7\u09BE ক\u09C7\u09D7")).isEqualTo("ক\u09CB ক\u09CC");
        assertThat(Tokens.charFiltered("ক\u09CB ক\u09CC")).isEqualTo("ক\u09CB ক\u09CC");
    }

    @Test
    void shouldMapEveryCanonicalVariantInTheBengaliBlockToOneForm() {
        for (int cp = 0x0980; cp <= 0x09FF; cp++) {
            if (!Character.isDefined(cp)) {
                continue;
            }
            String letter = "ক" + Character.toString(cp);
            String expected = Tokens.charFiltered(letter);
            assertThat(Tokens.charFiltered(Normalizer.normalize(letter, Normalizer.Form.NFC)))
                    .as("NFC of U+%04X", cp).isEqualTo(expected);
            assertThat(Tokens.charFiltered(Normalizer.normalize(letter, Normalizer.Form.NFD)))
                    .as("NFD of U+%04X", cp).isEqualTo(expected);
        }
    }

    @Test
    void shouldRecomposeWhatNfcDecomposes() {
        // U+09DF is a composition exclusion: NFC turns it into য + nukta, this filter turns it back
        String nfc = Normalizer.normalize("\u09DF", Normalizer.Form.NFC);
        assertThat(nfc).isEqualTo("\u09AF\u09BC");
        assertThat(Tokens.charFiltered(nfc)).isEqualTo("\u09DF");
    }

    @Test
    void shouldMapTheOldKhandaTaEncoding() {
        assertThat(Tokens.charFiltered("হঠা\u09A4\u09CD\u200D")).isEqualTo("হঠা\u09CE");
        assertThat(Tokens.charFiltered("হঠা\u09CE")).isEqualTo("হঠা\u09CE");
    }

    @Test
    void shouldKeepAnExplicitHasantaApartFromKhandaTa() {
        // ত + ্ + ZWNJ asks for a visible hasanta, not khanda ta: only the ZWNJ goes
        assertThat(Tokens.charFiltered("\u09A4\u09CD\u200C")).isEqualTo("\u09A4\u09CD");
    }

    @Test
    void shouldRemoveInvisibleFormatCharacters() {
        // ZWNJ, ZWJ, soft hyphen, word joiner, BOM, left-to-right mark
        assertThat(Tokens.charFiltered("কি\u200Cছু\u200Dটা \u00ADক\u2060খ\uFEFF\u200E")).isEqualTo("কিছুটা কখ");
    }

    @Test
    void shouldKeepAZeroWidthSpaceAsAWordBreak() {
        assertThat(Tokens.charFiltered("কিম\u200Bজং")).isEqualTo("কিম জং");
    }

    @Test
    void shouldLeaveOtherTextAlone() {
        assertThat(Tokens.charFiltered(Seed.FOOTER)).isEqualTo(Seed.FOOTER);
        assertThat(Tokens.charFiltered("Google News ১২")).isEqualTo("Google News ১২");
    }

    @Test
    void shouldApplyWhenNormalizingToo() {
        assertThat(Tokens.read(new BengaliNormalizeCharFilterFactory().normalize(new java.io.StringReader("\u09AF\u09BC"))))
                .isEqualTo("\u09DF");
    }
}
