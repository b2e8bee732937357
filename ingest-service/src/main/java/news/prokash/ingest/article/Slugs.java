package news.prokash.ingest.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * URL slugs: lowercase ASCII words joined by "-", at most {@link #MAX_LENGTH} characters. An editor's
 * slug is taken as given (validated by {@link IngestRequest}; the store refuses one another article
 * holds). A derived slug is the headline transliterated, ending in "-" plus the last
 * {@link #SUFFIX_LENGTH} characters of the article id, which keeps two articles with the same
 * headline apart without a lookup (the store still checks).
 */
final class Slugs {

    static final int MAX_LENGTH = 80;
    static final int SUFFIX_LENGTH = 8;

    /** What an editor may send as a slug: lowercase ASCII words separated by single hyphens. */
    static final Pattern EDITOR_SLUG = Pattern.compile(Slugs.EDITOR_SLUG_REGEX);

    /**
     * Possessive: the plain {@code [a-z0-9]+(-[a-z0-9]+)*} recurses once per word in Java's regex engine,
     * and a 600 KB slug "a-a-a-…" overflowed the stack (a 500) before its length was ever checked.
     */
    static final String EDITOR_SLUG_REGEX = "[a-z0-9]++(?:-[a-z0-9]++)*+";

    static final String EDITOR_SLUG_MESSAGE =
            "must be lowercase ASCII letters and digits in words joined by single hyphens";

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    /** The editor's slug if given (validated before), otherwise one derived from the headline plus the id suffix. */
    static String slugFor(@Nullable String editorSlug, String headline, String articleId) {
        if (given(editorSlug)) {
            return editorSlug.strip();
        }
        return derived(headline, suffix(articleId));
    }

    /** Whether the editor chose the slug (a blank one is left out). */
    static boolean given(@Nullable String editorSlug) {
        return editorSlug != null && !editorSlug.isBlank();
    }

    /**
     * A derived slug that no other article can hold: the headline plus the whole id. For when the short
     * suffix met another article's: same headline and the same last 8 id characters, about once in
     * 2^32 / n articles of one headline (the benchmark's 100,000 identical headlines met it once).
     */
    static String uniqueSlugFor(String headline, String articleId) {
        return derived(headline, articleId.replace("-", "").toLowerCase(Locale.ROOT));
    }

    private static String derived(String headline, String suffix) {
        String trimmed = cut(fromHeadline(headline), MAX_LENGTH - suffix.length() - 1);
        return trimmed.isEmpty() ? "article-" + suffix : trimmed + "-" + suffix;
    }

    /** "রাশিয়ার পাশে আছেন কিম জং উন" becomes "rashiyar-pashe-achhen-kim-jong-un". */
    static String fromHeadline(String headline) {
        String latin = BengaliTransliterator.toLatin(headline);
        String slug = asciiSlug(latin);
        return slug != null ? slug : normalizedSlug(latin);
    }

    /** The general rule: accents stripped ("Café" keeps its "e"), anything but a-z and 0-9 a hyphen. */
    static String normalizedSlug(String latin) {
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return stripHyphens(slug);
    }

    /**
     * {@link #normalizedSlug} in one loop, for text whose letters and digits are all ASCII: what a Bengali
     * headline becomes, curly quotes and dandas included. Null for text with any other letter or digit, a
     * combining mark or a surrogate, which need NFD. The regular expressions and NFD were half of a slug's
     * cost, about 1 % of a create's CPU (JFR, 2026-11-29).
     */
    static @Nullable String asciiSlug(String latin) {
        char[] slug = new char[latin.length()]; // a run of separators becomes one hyphen: never longer
        int length = 0;
        boolean separated = false;
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (separated && length > 0) {
                    slug[length++] = '-';
                }
                slug[length++] = c;
                separated = false;
            }
            else if (c < 0x80 || !needsNormalizing(c)) {
                separated = true;
            }
            else {
                return null;
            }
        }
        return new String(slug, 0, length);
    }

    /** Whether NFD or lower-casing could turn the character into something other than a separator. */
    private static boolean needsNormalizing(char c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static String suffix(String articleId) {
        String compact = articleId.replace("-", "").toLowerCase(Locale.ROOT);
        return compact.substring(Math.max(0, compact.length() - SUFFIX_LENGTH));
    }

    /** Cut at a word boundary where there is one, so a slug does not end in half a word. */
    private static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String head = slug.substring(0, max);
        int lastHyphen = head.lastIndexOf('-');
        boolean cutsAWord = slug.charAt(max) != '-';
        return stripHyphens(cutsAWord && lastHyphen > 0 ? head.substring(0, lastHyphen) : head);
    }

    private static String stripHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
