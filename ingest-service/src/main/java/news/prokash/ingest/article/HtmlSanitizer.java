package news.prokash.ingest.article;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The article body's HTML allow-list, and its plain-text form.
 *
 * <p>Kept: {@code p br hr h2 h3 h4 strong b em i u s sub sup blockquote ul ol li figure figcaption},
 * {@code a} (href http/https/mailto, title) and {@code img} (src http/https, alt, title, width, height).
 * Everything else is dropped: unknown elements lose their tags but keep their text, {@code script},
 * {@code style}, {@code iframe} and the like go with their content, and so do all other attributes
 * ({@code on*} handlers, {@code style}, {@code class}) and links with any other scheme
 * ({@code javascript:}). Relative links are dropped too: the body is shown on other hosts (apps, feeds).
 */
final class HtmlSanitizer {

    static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
                    "blockquote", "ul", "ol", "li", "figure", "figcaption", "a", "img")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addProtocols("img", "src", "http", "https");

    private static final Cleaner CLEANER = new Cleaner(SAFELIST);

    /** Elements that run code or pull in other documents: their presence means the body is rejected. */
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "style", "iframe", "frame", "frameset",
            "object", "embed", "applet", "base", "link", "meta");

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "srcdoc", "background", "poster");

    /** Browsers ignore whitespace and control characters inside a scheme: "java\tscript:" still runs. */
    private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("[\\p{Cntrl}\\s]+");

    /** Where plain text starts a new paragraph. */
    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li",
            "figure", "figcaption", "hr");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    record SanitizedBody(String html, String text) {
    }

    /**
     * Deeper element nesting is refused before cleaning: jsoup's cleaner takes time quadratic in the depth
     * (a 180 KB body of 60,000 nested {@code <b>} cost 15 s of CPU), and no article nests more than a few.
     */
    static final int MAX_DEPTH = 64;

    /** What one parse of a body tells: whether it has active content or is nested too deep, and its sanitized form. */
    record Checked(boolean activeContent, boolean tooDeep, SanitizedBody body) {
    }

    /**
     * The last body checked on this thread and its result: validation checks the body, then building
     * the article sanitizes the same string on the same thread, so it is parsed once, not three times.
     */
    private static final ThreadLocal<@Nullable Memo> LAST_CHECKED = new ThreadLocal<>();

    private record Memo(String html, SanitizedBody body) {
    }

    /**
     * The body's checks and sanitized form: a {@link SimpleBodyHtml} body as it is, any other by one parse
     * (the depth and active-content checks on the editor's DOM, then the allow-list cleaning of that DOM).
     */
    Checked check(String html) {
        SanitizedBody simple = SimpleBodyHtml.sanitize(html); // most bodies: no parser needed
        if (simple != null) {
            LAST_CHECKED.set(new Memo(html, simple));
            return new Checked(false, false, simple);
        }
        return checkWithJsoup(html);
    }

    /** {@link #check} by parsing, cleaning and writing with jsoup, for any body. */
    Checked checkWithJsoup(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Inspection inspection = inspect(dirty.body(), MAX_DEPTH);
        if (inspection == Inspection.TOO_DEEP) {
            LAST_CHECKED.remove();
            return new Checked(false, true, new SanitizedBody("", ""));
        }
        boolean active = inspection == Inspection.ACTIVE;
        Document clean = CLEANER.clean(dirty); // what Jsoup.clean does, without parsing again
        clean.outputSettings(OUTPUT);
        SanitizedBody body = new SanitizedBody(html(clean.body(), html.length()), toText(clean.body()));
        LAST_CHECKED.set(active ? null : new Memo(html, body));
        return new Checked(active, false, body);
    }

    private enum Inspection { HARMLESS, ACTIVE, TOO_DEEP }

    /**
     * One pass over the body (a body fragment's nodes all land in it) for both questions. Too deep wins: a
     * deep tree is refused as such even if it also has active content. The traversal knows each node's
     * depth (counting parents per element would not be linear).
     */
    private static Inspection inspect(Element body, int maxDepth) {
        Inspection[] found = { Inspection.HARMLESS };
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth > maxDepth) {
                    found[0] = Inspection.TOO_DEEP;
                    return FilterResult.STOP;
                }
                if (found[0] == Inspection.HARMLESS && node instanceof Element element && isActive(element)) {
                    found[0] = Inspection.ACTIVE; // go on: a deeper part may still be too deep
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return found[0];
    }

    /**
     * The cleaned body's HTML, the same string as jsoup's {@code html()} (no pretty-printing, base entities,
     * UTF-8). jsoup asks its encoder about every character it escapes, which for a 5 KB body was a third of
     * the body check (JFR); here a character is copied unless it is one of the five jsoup escapes. Anything
     * this does not reproduce exactly (a control character or a surrogate, which jsoup writes as numeric
     * references, a node other than an element or text) goes to jsoup. The cleaned tree holds only the
     * allow-list's elements and attributes, none of them boolean.
     */
    static String html(Element body, int expectedLength) {
        String byHand = writeByHand(body, expectedLength);
        return byHand != null ? byHand : body.html();
    }

    /** The body's HTML, or null if it holds something left to jsoup. */
    static @Nullable String writeByHand(Element body, int expectedLength) {
        StringBuilder out = new StringBuilder(expectedLength);
        for (int i = 0; i < body.childNodeSize(); i++) {
            if (!write(body.childNode(i), out)) {
                return null;
            }
        }
        return out.toString();
    }

    /** Appends the node as jsoup writes it; false if it is something left to jsoup. */
    private static boolean write(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            return escape(text.getWholeText(), out, false);
        }
        if (!(node instanceof Element element)) {
            return false;
        }
        String name = element.tagName();
        out.append('<').append(name);
        for (Attribute attribute : attributes(element)) {
            out.append(' ').append(attribute.getKey());
            if (attribute.hasDeclaredValue()) { // jsoup writes a value-less attribute as its bare name
                out.append("=\"");
                if (!escape(attribute.getValue(), out, true)) {
                    return false;
                }
                out.append('"');
            }
        }
        out.append('>');
        if (element.childNodeSize() == 0 && element.tag().isSelfClosing()) {
            return element.tag().isEmpty(); // <br>, <hr>, <img>: a void element has no end tag
        }
        for (int i = 0; i < element.childNodeSize(); i++) {
            if (!write(element.childNode(i), out)) {
                return false;
            }
        }
        out.append("</").append(name).append('>');
        return true;
    }

    /** The element's attributes; {@code attributes()} would give every element without any a map of its own. */
    private static Iterable<Attribute> attributes(Element element) {
        return element.attributesSize() == 0 ? List.of() : element.attributes();
    }

    /**
     * {@code & < > U+00A0}, and in attribute values also {@code "}; false for what jsoup writes as a number.
     * It loops over a copy in a char array: {@code String.charAt} checks its index on every character of a
     * Bengali (UTF-16) string, which made the loop about twice as slow. Runs between entities go in as one copy.
     */
    private static boolean escape(String text, StringBuilder out, boolean attribute) {
        return escape(text.toCharArray(), 0, text.length(), out, attribute);
    }

    /** {@link #escape(String, StringBuilder, boolean)} of {@code chars[from..to)}. */
    static boolean escape(char[] chars, int from, int to, StringBuilder out, boolean attribute) {
        int copied = from;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c >= 0x3f && c != 0xA0 && !Character.isSurrogate(c)) {
                continue; // letters, Bengali among them: nearly every character
            }
            String entity;
            switch (c) {
                case '&' -> entity = "&amp;";
                case '<' -> entity = "&lt;";
                case '>' -> entity = "&gt;";
                case 0xA0 -> entity = "&nbsp;";
                case '"' -> entity = attribute ? "&quot;" : null;
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)) {
                        return false;
                    }
                    entity = null;
                }
            }
            if (entity != null) {
                out.append(chars, copied, i - copied).append(entity);
                copied = i + 1;
            }
        }
        out.append(chars, copied, to - copied);
        return true;
    }

    SanitizedBody sanitize(String html) {
        Memo memo = LAST_CHECKED.get();
        if (memo != null && memo.html().equals(html)) {
            LAST_CHECKED.remove(); // used once: the thread does not keep the body after its request
            return memo.body();
        }
        return check(html).body();
    }

    /**
     * Whether the HTML carries anything that would run code in a reader's browser. The newsroom never
     * sends that on purpose, so such a body is refused instead of published with parts silently missing.
     */
    boolean hasActiveContent(String html) {
        return inspect(Jsoup.parseBodyFragment(html).body(), Integer.MAX_VALUE) == Inspection.ACTIVE;
    }

    private static boolean isActive(Element element) {
        if (ACTIVE_ELEMENTS.contains(element.normalName())) {
            return true;
        }
        for (Attribute attribute : attributes(element)) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("on") || URL_ATTRIBUTES.contains(name) && runsScript(attribute.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsScript(String url) {
        String scheme = IGNORED_IN_SCHEME.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
        return scheme.startsWith("javascript:") || scheme.startsWith("vbscript:") || scheme.startsWith("data:text/html");
    }

    /** Plain text of sanitized HTML: one line per paragraph, paragraphs separated by a blank line. */
    static String toText(String html) {
        return toText(Jsoup.parseBodyFragment(html).body());
    }

    private static String toText(Element body) {
        TextLines text = new TextLines();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                }
                else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        text.lineBreak();
                    }
                    else if (BLOCKS.contains(element.normalName())) {
                        text.paragraphBreak();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.paragraphBreak();
                }
            }
        }, body);
        return text.finish();
    }

    /**
     * Plain text built in one pass as the body is walked: within a line every run of ASCII whitespace and
     * no-break spaces is one space (a newline in HTML source is only a space; lines come from the
     * structure), a line is stripped of whitespace at both ends, blank lines at the edges are dropped and
     * at most one is kept between lines. One pass, because building the raw text, splitting it into lines
     * and collapsing each took a quarter of the body check's CPU.
     */
    static final class TextLines {

        private static final char[] PARAGRAPH = { '\n', '\n' };
        private static final char[] LINE = { '\n' };

        /** The text so far, and the current line: collapsed, not yet stripped at its end. */
        private char[] out = new char[1024];
        private int outLength;
        private char[] line = new char[256];
        private int lineLength;
        private boolean inRun;
        private int blankLines;

        void append(String text) {
            append(text.toCharArray(), 0, text.length());
        }

        /**
         * Collapses {@code chars[from..to)} onto the line as it copies them: about 2 ns a character, where
         * copying first and collapsing in place took 6 (same JVM, a 2,100-character text), and a
         * StringBuilder appended word by word (Bengali has a space every few letters) was slower still.
         */
        void append(char[] chars, int from, int to) {
            if (lineLength + to - from > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + to - from));
            }
            char[] into = line;
            int written = lineLength;
            boolean run = inRun;
            int read = from;
            if (written == 0) {
                for (; read < to; read++) { // stripped at the line's start
                    char c = chars[read];
                    boolean space = isSpace(c);
                    if (!space && !Character.isWhitespace(c)) {
                        break;
                    }
                    run = space;
                }
            }
            for (; read < to; read++) {
                char c = chars[read];
                if (c > ' ' && c != '\u00A0') {
                    into[written++] = c; // nearly every character
                    run = false;
                }
                else if (isSpace(c)) {
                    if (!run) {
                        into[written++] = ' ';
                    }
                    run = true;
                }
                else {
                    into[written++] = c;
                    run = false;
                }
            }
            lineLength = written;
            inRun = run;
        }

        /** ASCII whitespace and the no-break space: collapsed to one space. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0';
        }

        void lineBreak() {
            int end = lineLength;
            while (end > 0 && Character.isWhitespace(line[end - 1])) {
                end--; // a run's space, and what String.strip also takes (U+2003, U+3000...)
            }
            if (end == 0) {
                blankLines++;
            }
            else {
                if (outLength > 0) {
                    write(blankLines > 0 ? PARAGRAPH : LINE, 0, blankLines > 0 ? 2 : 1);
                }
                write(line, 0, end);
                blankLines = 0;
            }
            lineLength = 0;
            inRun = false;
        }

        private void write(char[] chars, int from, int length) {
            if (outLength + length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + length));
            }
            System.arraycopy(chars, from, out, outLength, length);
            outLength += length;
        }

        void paragraphBreak() {
            lineBreak();
            lineBreak();
        }

        /** The text, once the last line is ended. */
        String finish() {
            lineBreak();
            return new String(out, 0, outLength);
        }
    }
}
