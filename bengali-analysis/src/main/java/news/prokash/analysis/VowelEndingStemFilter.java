package news.prokash.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Runs after Lucene's {@code BengaliStemFilter} and evens out what it leaves for nouns ending in a
 * vowel. That stemmer strips one suffix per word and knows neither the genitive -র nor the
 * locative -য় after a vowel, so রাশিয়া, রাশিয়ার, রাশিয়াকে and রাশিয়ায় come out as three
 * different stems. This filter then strips, once:
 * <ol>
 * <li>a vowel sign followed by র (genitive after a vowel: রাশিয়ার, কোরিয়ার, বাড়ির),</li>
 * <li>া followed by য় (locative after a vowel: ঢাকায়, রাশিয়ায়),</li>
 * <li>else a final vowel sign (what Lucene leaves after -কে, -তে, -দের, -রা: রাশিয়া(কে)).</li>
 * </ol>
 * Because it runs on the stemmer's output for every form of a word, words whose stem ends in
 * -ার themselves still agree across forms (সরকার, সরকারের, সরকারকে all become সরক). It never
 * leaves fewer than two characters, so short words (তার, মা) stay as they are.
 */
final class VowelEndingStemFilter extends TokenFilter {

    private static final int MIN_STEM = 2;
    private static final char AA = '\u09BE';
    private static final char RA = '\u09B0';
    private static final char YYA = '\u09DF';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    VowelEndingStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            term.setLength(stem(term.buffer(), term.length()));
        }
        return true;
    }

    static int stem(char[] s, int len) {
        if (len - 2 >= MIN_STEM && isVowelSign(s[len - 2])
                && (s[len - 1] == RA || (s[len - 2] == AA && s[len - 1] == YYA))) {
            return len - 2;
        }
        if (len - 1 >= MIN_STEM && isVowelSign(s[len - 1])) {
            return len - 1;
        }
        return len;
    }

    // া ি ী ু ূ ে ৈ ো ৌ (ী and ূ only occur here when the phonetic folding is left out of a chain)
    private static boolean isVowelSign(char c) {
        return switch (c) {
            case '\u09BE', '\u09BF', '\u09C0', '\u09C1', '\u09C2', '\u09C7', '\u09C8', '\u09CB', '\u09CC' -> true;
            default -> false;
        };
    }
}
