package news.prokash.analysis;

import java.io.Reader;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Character-level normalization ahead of the tokenizer, so that spellings that look the same on
 * screen become the same characters. A {@link MappingCharFilter} keeps offsets pointing into the
 * original text, which highlighting needs.
 */
final class BengaliCharNormalization {

    private static final char ZWJ = '\u200D';
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private static final NormalizeCharMap MAP = buildMap();

    private BengaliCharNormalization() {
    }

    static Reader wrap(Reader reader) {
        return new MappingCharFilter(MAP, reader);
    }

    private static NormalizeCharMap buildMap() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        // Nukta letters: the canonical form here is the precomposed one (U+09DC, U+09DD, U+09DF),
        // the form Lucene's Indic normalizer produces and Lucene's Bengali normalizer (ড়/ঢ় -> র),
        // stemmer (য়-suffixes) and stopword list expect. NFC goes the other way (these three are
        // composition exclusions), so NFC input must be recomposed here.
        map.add("\u09A1\u09BC", "\u09DC"); // ড + ় -> ড়
        map.add("\u09A2\u09BC", "\u09DD"); // ঢ + ় -> ঢ়
        map.add("\u09AF\u09BC", "\u09DF"); // য + ় -> য়
        // Two-part vowel signs, composed as NFC does.
        map.add("\u09C7\u09BE", "\u09CB"); // ে + া -> ো
        map.add("\u09C7\u09D7", "\u09CC"); // ে + ৗ -> ৌ
        // Renders exactly like আ; some keyboards produce it.
        map.add("\u0985\u09BE", "\u0986");
        // Khanda ta's encoding before Unicode 4.1 (ত + ্ + ZWJ), still produced by old software.
        // Must be a mapping of its own: the ZWJ removal below would otherwise leave a bare ত্.
        map.add("\u09A4\u09CD" + ZWJ, "\u09CE");
        // Invisible format characters (ZWJ, ZWNJ, soft hyphen, BOM, direction marks, ...) only
        // steer rendering, and make otherwise equal words differ. The zero-width space is the
        // exception: it marks a word break, so it stays one.
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.FORMAT) {
                map.add(Character.toString(cp), cp == ZERO_WIDTH_SPACE ? " " : "");
            }
        }
        return map.build();
    }
}
