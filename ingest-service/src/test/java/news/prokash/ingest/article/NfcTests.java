package news.prokash.ingest.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Nfc}'s quick answer is checked against the JDK's normalizer on every string its rules could meet. */
class NfcTests {

    /** Every character the scan may call NFC on its own. */
    private static final List<Character> KNOWN = known();

    @Test
    void shouldCallNoCharacterNfcThatTheJdkWouldChange() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = String.valueOf((char) c);
            if (Nfc.isKnownNfc(text)) {
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("U+%04X", c).isTrue();
            }
            assertThat(Nfc.normalize(text)).as("U+%04X", c).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
        }
    }

    /** Composition and reordering act on neighbours: every pair of known characters, about a million strings. */
    @Test
    void shouldCallNoPairNfcThatTheJdkWouldChange() {
        char[] pair = new char[2];
        for (char first : KNOWN) {
            for (char second : KNOWN) {
                pair[0] = first;
                pair[1] = second;
                String text = new String(pair);
                if (Nfc.isKnownNfc(text)) {
                    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC))
                            .as("U+%04X U+%04X", (int) first, (int) second).isTrue();
                }
            }
        }
    }

    /** Every three Bengali characters (with a space and a Latin letter): a mark between two that would join. */
    @Test
    void shouldCallNoBengaliTripleNfcThatTheJdkWouldChange() {
        List<Character> alphabet = new ArrayList<>();
        for (char c = 0x0980; c <= 0x09FF; c++) {
            alphabet.add(c);
        }
        alphabet.add(' ');
        alphabet.add('a');
        char[] triple = new char[3];
        for (char a : alphabet) {
            for (char b : alphabet) {
                for (char c : alphabet) {
                    triple[0] = a;
                    triple[1] = b;
                    triple[2] = c;
                    String text = new String(triple);
                    if (Nfc.isKnownNfc(text)) {
                        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC))
                                .as("U+%04X U+%04X U+%04X", (int) a, (int) b, (int) c).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void shouldNormalizeWhatIsNotNfc() {
        assertThat(Nfc.normalize("কে\u09BEথায়")).isEqualTo("কোথায়"); // E + AA is O
        assertThat(Nfc.normalize("বই\u09DCা")).isEqualTo("বই\u09A1\u09BCা"); // NFC spells the nukta letter decomposed
        assertThat(Nfc.normalize("ক\u09CD\u09BCষ")).isEqualTo("ক\u09BC\u09CDষ"); // nukta (7) before virama (9)
        assertThat(Nfc.normalize("Cafe\u0301")).isEqualTo("Café");
    }

    /** The fast answer is the usual one: the seed article's text is NFC and is known to be. */
    @Test
    void shouldKnowTheSeedArticleIsNfc() {
        String seed = ArticleControllerTests.SEED;
        assertThat(seed).contains("\u09BE"); // the vowel sign AA that stops the JDK's quick check
        assertThat(Normalizer.isNormalized(seed, Normalizer.Form.NFC)).isTrue();
        assertThat(Nfc.isKnownNfc(seed)).isTrue();
        assertThat(Nfc.normalize(seed)).isSameAs(seed);
    }

    private static List<Character> known() {
        List<Character> known = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Nfc.isKnownNfc(String.valueOf((char) c))) {
                known.add((char) c);
            }
        }
        return known;
    }
}
