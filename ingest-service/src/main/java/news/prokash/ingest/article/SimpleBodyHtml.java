package news.prokash.ingest.article;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Bodies that need no HTML parser: paragraphs, headings, lists and quotes of text with the allow-list's
 * inline elements, every tag written plainly ({@code <p>}, no attributes), properly nested and closed.
 * That is what the newsroom's editor writes for most articles (the seed article's body is paragraphs of
 * text), and such a body is already clean: the sanitized HTML is the body itself with {@code >} and
 * no-break spaces escaped as jsoup writes them.
 *
 * <p>Parsing with jsoup, cleaning and writing the result was a fifth of a bulk line's request-thread CPU (JFR,
 * 2026-11-29). This scanner reads such a body in one pass and gives the same HTML and plain text as
 * {@link HtmlSanitizer}'s jsoup path. Anything else gives null and goes to jsoup: attributes (links,
 * images), character references, upper-case or unknown tags, comments, a tag left open or closed out of
 * order, a block inside a paragraph, control characters, surrogates, nesting deeper than
 * {@link #MAX_DEPTH}. The HTML parsing algorithm treats a well-nested document of these elements
 * literally; {@code SimpleBodyHtmlTests} compares both paths on many generated bodies.
 */
final class SimpleBodyHtml {

    /** Deeper bodies go to jsoup, which decides about nesting (see {@link HtmlSanitizer#MAX_DEPTH}). */
    static final int MAX_DEPTH = 16;

    /** What an element may hold, and where it may stand. */
    private enum Kind {
        /** The body and {@code blockquote}: blocks, inline elements and text. */
        FLOW(true),
        /** {@code p h2 h3 h4 li}: inline elements and text; a paragraph break before and after. */
        PHRASING_BLOCK(true),
        /** {@code ul ol}: list items and whitespace; a paragraph break before and after. */
        LIST(true),
        /** {@code strong b em i u s sub sup}: inline elements and text. */
        INLINE(false);

        /** Whether the plain text starts a new paragraph at the element's start and end. */
        final boolean block;

        Kind(boolean block) {
            this.block = block;
        }
    }

    private static final String[] NAMES = { "p", "h2", "h3", "h4", "li", "blockquote", "ul", "ol", "strong", "b", "em",
            "i", "u", "s", "sub", "sup" };

    private static final Kind[] KINDS = { Kind.PHRASING_BLOCK, Kind.PHRASING_BLOCK, Kind.PHRASING_BLOCK,
            Kind.PHRASING_BLOCK, Kind.PHRASING_BLOCK, Kind.FLOW, Kind.LIST, Kind.LIST, Kind.INLINE, Kind.INLINE,
            Kind.INLINE, Kind.INLINE, Kind.INLINE, Kind.INLINE, Kind.INLINE, Kind.INLINE };

    private static final int LI = 4;
    private static final int BODY = -1;

    private SimpleBodyHtml() {
    }

    /** The sanitized body, exactly as the jsoup path gives it, or null if the body is not this simple. */
    static HtmlSanitizer.@Nullable SanitizedBody sanitize(String html) {
        char[] chars = html.toCharArray();
        int n = chars.length;
        StringBuilder out = new StringBuilder(n + 16);
        HtmlSanitizer.TextLines text = new HtmlSanitizer.TextLines();
        int[] open = new int[MAX_DEPTH + 1]; // element indexes into NAMES; open[0] is the body
        open[0] = BODY;
        int depth = 0;
        int at = 0;
        while (at < n) {
            if (chars[at] != '<') {
                int end = at;
                boolean escapes = false;
                for (; end < n; end++) {
                    char c = chars[end];
                    if (c < '?') {
                        if (c == '<') {
                            break;
                        }
                        if (c == '&' || c < 0x20 && c != '\n' && c != '\t') {
                            return null; // a character reference, or a control character the parser rewrites
                        }
                        escapes |= c == '>';
                    }
                    else if (c == '\u00A0') {
                        escapes = true;
                    }
                    else if (Character.isSurrogate(c)) {
                        return null; // jsoup writes some as numeric references
                    }
                }
                if (kind(open[depth]) == Kind.LIST && !isBlank(chars, at, end)) {
                    return null; // text beside list items
                }
                if (escapes) {
                    HtmlSanitizer.escape(chars, at, end, out, false); // true: what it refuses was refused above
                }
                else {
                    out.append(chars, at, end - at);
                }
                text.append(chars, at, end);
                at = end;
                continue;
            }
            int close = indexOf(chars, '>', at + 1);
            if (close < 0) {
                return null;
            }
            boolean end = chars[at + 1] == '/';
            int nameStart = end ? at + 2 : at + 1;
            if (end) {
                int element = element(chars, nameStart, close);
                if (element < 0 || depth == 0 || open[depth] != element) {
                    return null; // unknown, void or not the innermost open element
                }
                depth--;
                if (KINDS[element].block) {
                    text.paragraphBreak();
                }
                out.append(chars, at, close + 1 - at);
            }
            else if (is(chars, nameStart, close, "br")) {
                if (kind(open[depth]) == Kind.LIST) {
                    return null;
                }
                text.lineBreak();
                out.append("<br>");
            }
            else if (is(chars, nameStart, close, "hr")) {
                if (kind(open[depth]) != Kind.FLOW) {
                    return null;
                }
                text.paragraphBreak();
                text.paragraphBreak();
                out.append("<hr>");
            }
            else {
                int element = element(chars, nameStart, close);
                if (element < 0 || depth == MAX_DEPTH || !allowed(kind(open[depth]), element)) {
                    return null;
                }
                open[++depth] = element;
                if (KINDS[element].block) {
                    text.paragraphBreak();
                }
                out.append(chars, at, close + 1 - at);
            }
            at = close + 1;
        }
        if (depth != 0) {
            return null; // jsoup closes what is left open; its result is not this one to predict
        }
        return new HtmlSanitizer.SanitizedBody(out.toString(), text.finish());
    }

    private static boolean isBlank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private static Kind kind(int element) {
        return element == BODY ? Kind.FLOW : KINDS[element];
    }

    /** Whether an element may open inside a parent of that kind. */
    private static boolean allowed(Kind parent, int element) {
        return switch (parent) {
            case FLOW -> element != LI;
            case LIST -> element == LI;
            case PHRASING_BLOCK, INLINE -> KINDS[element] == Kind.INLINE;
        };
    }

    /** The index in {@link #NAMES} of the tag name written exactly from {@code from} to {@code to}, or -1. */
    private static int element(char[] chars, int from, int to) {
        for (int i = 0; i < NAMES.length; i++) {
            if (is(chars, from, to, NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(char[] chars, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (chars[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] chars, char c, int from) {
        for (int i = from; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
            if (chars[i] == '<') {
                return -1; // "<p<b>": not a tag this scanner knows
            }
        }
        return -1;
    }

    /** For tests: the element names this scanner knows, besides {@code br} and {@code hr}. */
    static String[] names() {
        return Arrays.copyOf(NAMES, NAMES.length);
    }
}
