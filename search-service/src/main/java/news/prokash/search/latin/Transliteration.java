package news.prokash.search.latin;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bengali text to a loose Latin "sound key", and Latin text to the same key, so that রাশিয়া and
 * "rashia", "rashiya", "rasia" meet. This Elasticsearch has neither ICU nor a phonetic plugin, so
 * the key is computed here, at index time for the document and at query time for the reader's text.
 *
 * <p>Two steps. {@link #romanize(String)} writes Bengali the way readers spell it in Latin letters
 * (consonant with its inherent vowel "o", silent at the end of a word; হ্ব-style conjuncts without
 * the phala). {@link #key(String)} then folds what Latin spellings of Bengali disagree on:
 * aspiration (kh/k, bh/b/v), sibilants (sh/s), vowel length (aa/a, ee/i, oo/u), the inherent
 * vowel written as "a" or "o", z/j, c/k, a glide y between vowels, and doubled letters.
 * What is left differs by an edit or two at most, which the query's fuzziness absorbs.
 */
public final class Transliteration {

    private static final Map<Character, String> CONSONANTS = Map.ofEntries(
            Map.entry('ক', "k"), Map.entry('খ', "kh"), Map.entry('গ', "g"), Map.entry('ঘ', "gh"),
            Map.entry('ঙ', "ng"), Map.entry('চ', "ch"), Map.entry('ছ', "chh"), Map.entry('জ', "j"),
            Map.entry('ঝ', "jh"), Map.entry('ঞ', "n"), Map.entry('ট', "t"), Map.entry('ঠ', "th"),
            Map.entry('ড', "d"), Map.entry('ঢ', "dh"), Map.entry('ণ', "n"), Map.entry('ত', "t"),
            Map.entry('থ', "th"), Map.entry('দ', "d"), Map.entry('ধ', "dh"), Map.entry('ন', "n"),
            Map.entry('প', "p"), Map.entry('ফ', "ph"), Map.entry('ব', "b"), Map.entry('ভ', "bh"),
            Map.entry('ম', "m"), Map.entry('য', "j"), Map.entry('র', "r"), Map.entry('ল', "l"),
            Map.entry('শ', "sh"), Map.entry('ষ', "sh"), Map.entry('স', "s"), Map.entry('হ', "h"),
            Map.entry('\u09DC', "r"), Map.entry('\u09DD', "rh"), Map.entry('\u09DF', "y"));

    private static final Map<Character, String> VOWELS = Map.ofEntries(
            Map.entry('অ', "o"), Map.entry('আ', "a"), Map.entry('ই', "i"), Map.entry('ঈ', "i"),
            Map.entry('উ', "u"), Map.entry('ঊ', "u"), Map.entry('ঋ', "ri"), Map.entry('এ', "e"),
            Map.entry('ঐ', "oi"), Map.entry('ও', "o"), Map.entry('ঔ', "ou"));

    private static final Map<Character, String> VOWEL_SIGNS = Map.ofEntries(
            Map.entry('া', "a"), Map.entry('ি', "i"), Map.entry('ী', "i"), Map.entry('ু', "u"),
            Map.entry('ূ', "u"), Map.entry('ৃ', "ri"), Map.entry('ে', "e"), Map.entry('ৈ', "oi"),
            Map.entry('ো', "o"), Map.entry('ৌ', "ou"));

    private static final char HASANTA = '্';
    private static final char NUKTA = '়';

    private static final Pattern NOT_LATIN_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DOUBLED = Pattern.compile("([a-z])\\1+");
    private static final Pattern GLIDE_Y = Pattern.compile("(?<=[aeiou])y(?=[aeiou])");

    private Transliteration() {
    }

    /** Whether a reader's query is (partly) in Latin letters, so worth matching against the key. */
    public static boolean hasLatinLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    /** The sound key of any text: Bengali words romanized, then everything folded. Words stay apart. */
    public static String key(String text) {
        String latin = NOT_LATIN_WORD.matcher(romanize(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (latin.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : latin.split(" ")) {
            String folded = fold(word);
            if (!folded.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(folded);
            }
        }
        return out.toString();
    }

    private static String fold(String word) {
        String w = word
                .replace("chh", "ch").replace("ch", "\u0001").replace("c", "k").replace("\u0001", "c")
                .replace("ph", "f").replace("sh", "s").replace("kh", "k").replace("gh", "g").replace("jh", "j")
                .replace("th", "t").replace("dh", "d").replace("bh", "b").replace("rh", "r")
                .replace('z', 'j').replace('v', 'b').replace('q', 'k').replace("x", "ks").replace("w", "")
                .replace("ee", "i").replace("oo", "u").replace('o', 'a');
        w = GLIDE_Y.matcher(w).replaceAll("");
        w = w.replace('y', 'i');
        return DOUBLED.matcher(w).replaceAll("$1");
    }

    /** Bengali letters in Latin spelling; anything else (Latin, punctuation, spaces) passes through. */
    public static String romanize(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (next == NUKTA) {
                // base + nukta, as typed text and NFC have it: the precomposed letter
                c = switch (c) {
                    case 'য' -> '\u09DF';
                    case 'ড' -> '\u09DC';
                    case 'ঢ' -> '\u09DD';
                    default -> c;
                };
                i++;
                next = i + 1 < n ? text.charAt(i + 1) : 0;
            }
            String consonant = CONSONANTS.get(c);
            if (consonant != null) {
                boolean afterHasanta = i > 1 && text.charAt(i - 1) == HASANTA;
                boolean phala = afterHasanta && (c == 'য' || (c == 'ব' && text.charAt(i - 2) != 'ম'));
                // ্য and ্ব after a consonant are mostly heard as a doubled consonant: written as nothing (ম্ব is "mb")
                out.append(phala ? "" : consonant);
                if (!VOWEL_SIGNS.containsKey(next) && next != HASANTA && next != NUKTA && isBengaliLetter(next)) {
                    out.append('o');
                }
                continue;
            }
            String vowel = VOWELS.containsKey(c) ? VOWELS.get(c) : VOWEL_SIGNS.get(c);
            if (vowel != null) {
                out.append(vowel);
                continue;
            }
            switch (c) {
                case 'ং' -> out.append("ng");
                case 'ৎ' -> out.append('t');
                case HASANTA, NUKTA, 'ঁ', 'ঃ', '\u200C', '\u200D' -> {
                }
                default -> {
                    if (c >= '০' && c <= '৯') {
                        out.append((char) ('0' + (c - '০')));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isBengaliLetter(char c) {
        return CONSONANTS.containsKey(c) || VOWELS.containsKey(c) || c == 'ং' || c == 'ৎ';
    }
}
