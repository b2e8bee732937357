package news.prokash.ingest.article;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Bengali script to plain Latin ASCII, good enough for readable URLs (not a scholarly romanization).
 * The table follows common Bangladeshi newspaper spelling: শ/ষ "sh", ছ "chh", য "j" (but "y" as a
 * ya-phala, and অ্যা is "a"), য় "y", ড় "r", ফ "f", vowel signs as written. The inherent vowel of a consonant is "o"
 * ("জং" becomes "jong"), written only when no vowel sign or hasanta follows and not at the end of a
 * word ("কিম" becomes "kim") unless the word ends in a conjunct ("জন্য" becomes "jonyo"); real pronunciation drops more of them, which a slug can live with.
 * Anusvara is "ng", visarga "h", chandrabindu and the nukta are dropped, Bengali digits become ASCII
 * digits. Text is expected in NFC, where ড় ঢ় য় are a letter plus nukta (U+09BC); the precomposed
 * forms are handled too. Anything that is not Bengali is passed through unchanged.
 */
final class BengaliTransliterator {

    private static final char HASANTA = '\u09CD';
    private static final char NUKTA = '\u09BC';
    private static final char YA = 'য';
    private static final String INHERENT_VOWEL = "o";
    private static final String A_YA_PHALA_AA = "অ্যা";

    private static final Map<Character, String> CONSONANTS = Map.ofEntries(
            Map.entry('ক', "k"), Map.entry('খ', "kh"), Map.entry('গ', "g"), Map.entry('ঘ', "gh"), Map.entry('ঙ', "ng"),
            Map.entry('চ', "ch"), Map.entry('ছ', "chh"), Map.entry('জ', "j"), Map.entry('ঝ', "jh"), Map.entry('ঞ', "n"),
            Map.entry('ট', "t"), Map.entry('ঠ', "th"), Map.entry('ড', "d"), Map.entry('ঢ', "dh"), Map.entry('ণ', "n"),
            Map.entry('ত', "t"), Map.entry('থ', "th"), Map.entry('দ', "d"), Map.entry('ধ', "dh"), Map.entry('ন', "n"),
            Map.entry('প', "p"), Map.entry('ফ', "f"), Map.entry('ব', "b"), Map.entry('ভ', "bh"), Map.entry('ম', "m"),
            Map.entry('য', "j"), Map.entry('র', "r"), Map.entry('ল', "l"), Map.entry('শ', "sh"), Map.entry('ষ', "sh"),
            Map.entry('স', "s"), Map.entry('হ', "h"),
            // precomposed nukta letters (NFC decomposes them, but input may not be NFC)
            Map.entry('\u09DC', "r"), Map.entry('\u09DD', "rh"), Map.entry('\u09DF', "y"));

    /** Consonant + nukta, as NFC writes ড় ঢ় য়. */
    private static final Map<Character, String> NUKTA_CONSONANTS = Map.of('ড', "r", 'ঢ', "rh", 'য', "y");

    private static final Map<Character, String> VOWELS = Map.ofEntries(
            Map.entry('অ', "o"), Map.entry('আ', "a"), Map.entry('ই', "i"), Map.entry('ঈ', "i"), Map.entry('উ', "u"),
            Map.entry('ঊ', "u"), Map.entry('ঋ', "ri"), Map.entry('এ', "e"), Map.entry('ঐ', "oi"), Map.entry('ও', "o"),
            Map.entry('ঔ', "ou"));

    private static final Map<Character, String> VOWEL_SIGNS = Map.ofEntries(
            Map.entry('া', "a"), Map.entry('ি', "i"), Map.entry('ী', "i"), Map.entry('ু', "u"), Map.entry('ূ', "u"),
            Map.entry('ৃ', "ri"), Map.entry('ে', "e"), Map.entry('ৈ', "oi"), Map.entry('ো', "o"), Map.entry('ৌ', "ou"));

    private static final Map<Character, String> SIGNS = Map.of(
            'ং', "ng", 'ঃ', "h", 'ঁ', "", 'ৎ', "t", 'ৗ', "ou", '\u09BC', "");

    /**
     * The maps as arrays over the Bengali block (U+0980 to U+09FF): a map looked up with a Bengali
     * character boxes it first (only ASCII characters are cached), several times per letter.
     */
    private static final String[] CONSONANT = block(CONSONANTS);
    private static final String[] NUKTA_CONSONANT = block(NUKTA_CONSONANTS);
    private static final String[] VOWEL = block(VOWELS);
    private static final String[] VOWEL_SIGN = block(VOWEL_SIGNS);
    private static final String[] SIGN = block(SIGNS);

    private static final char BLOCK_START = '\u0980';
    private static final int BLOCK_SIZE = 0x80;

    private BengaliTransliterator() {
    }

    private static String[] block(Map<Character, String> map) {
        String[] table = new String[BLOCK_SIZE];
        map.forEach((c, latin) -> table[c - BLOCK_START] = latin);
        return table;
    }

    /** The table's Latin for the character, or null where it has none (also outside the block). */
    private static @Nullable String in(String[] table, char c) {
        int at = c - BLOCK_START;
        return at >= 0 && at < BLOCK_SIZE ? table[at] : null;
    }

    static String toLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String consonant = in(CONSONANT, c);
            String other;
            if (c == A_YA_PHALA_AA.charAt(0) && text.startsWith(A_YA_PHALA_AA, i)) {
                out.append('a'); // অ্যা spells the English "a" sound: অ্যাক্রিডিটেশন is "akriditeshon"
                i += A_YA_PHALA_AA.length() - 1;
            }
            else if (consonant != null) {
                String nukta = i + 1 < length && text.charAt(i + 1) == NUKTA ? in(NUKTA_CONSONANT, c) : null;
                boolean afterHasanta = i > 0 && text.charAt(i - 1) == HASANTA;
                if (nukta != null) {
                    out.append(nukta);
                    i++;
                }
                else if (c == YA && afterHasanta) {
                    out.append('y'); // ya-phala: ব্যবসা is "byabosa", not "bjabosa"
                }
                else {
                    out.append(consonant);
                }
                if (takesInherentVowel(text, i + 1) || afterHasanta && endsWord(text, i + 1)) {
                    out.append(INHERENT_VOWEL);
                }
            }
            else if ((other = in(VOWEL, c)) != null || (other = in(VOWEL_SIGN, c)) != null
                    || (other = in(SIGN, c)) != null) {
                out.append(other);
            }
            else if (c >= '০' && c <= '৯') {
                out.append((char) ('0' + (c - '০')));
            }
            else if (c != HASANTA && c != '\u200C' && c != '\u200D') {
                out.append(c); // hasanta only silences the vowel; ZWNJ/ZWJ only shape glyphs
            }
        }
        return out.toString();
    }

    /**
     * A consonant is read with "o" when another letter of the same word follows without a vowel sign
     * or hasanta; not before অ or ও, which are that "o" already (আরও is "aro").
     */
    private static boolean takesInherentVowel(String text, int next) {
        if (next >= text.length()) {
            return false;
        }
        char c = text.charAt(next);
        return in(CONSONANT, c) != null || in(VOWEL, c) != null && c != 'অ' && c != 'ও'
                || c == 'ং' || c == 'ঃ' || c == 'ঁ';
    }

    /** A conjunct at the end of a word keeps its vowel: জন্য is "jonyo", মন্তব্য "montobyo". */
    private static boolean endsWord(String text, int next) {
        if (next >= text.length()) {
            return true;
        }
        char c = text.charAt(next);
        return !(in(CONSONANT, c) != null || in(VOWEL, c) != null || in(VOWEL_SIGN, c) != null
                || in(SIGN, c) != null || c == HASANTA);
    }
}
