package news.prokash.ingest.article;

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

    /** One parse: the active-content check on the editor's DOM, then the allow-list cleaning of that DOM. */
    Checked check(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        if (deeperThan(dirty.body(), MAX_DEPTH)) {
            LAST_CHECKED.remove();
            return new Checked(false, true, new SanitizedBody("", ""));
        }
        boolean active = hasActiveContent(dirty);
        Document clean = CLEANER.clean(dirty); // what Jsoup.clean does, without parsing again
        clean.outputSettings(OUTPUT);
        SanitizedBody body = new SanitizedBody(clean.body().html(), toText(clean.body()));
        LAST_CHECKED.set(active ? null : new Memo(html, body));
        return new Checked(active, false, body);
    }

    /** One pass over the tree (the traversal knows each node's depth; counting parents per element would not be linear). */
    private static boolean deeperThan(Element root, int max) {
        boolean[] deep = new boolean[1];
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth > max) {
                    deep[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return deep[0];
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
        return hasActiveContent(Jsoup.parseBodyFragment(html));
    }

    private static boolean hasActiveContent(Document document) {
        for (Element element : document.getAllElements()) {
            if (ACTIVE_ELEMENTS.contains(element.normalName())) {
                return true;
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || URL_ATTRIBUTES.contains(name) && runsScript(attribute.getValue())) {
                    return true;
                }
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
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    // a newline in HTML source is only a space; lines come from the structure
                    collapseWhitespace(textNode.getWholeText(), text);
                }
                else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        text.append('\n');
                    }
                    else if (BLOCKS.contains(element.normalName())) {
                        text.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        }, body);
        return tidy(text.toString());
    }

    /**
     * Appends {@code text} with every run of ASCII whitespace and no-break spaces as one space, as the
     * regex this replaces did; a loop, because that regex took a fifth of a bulk line's CPU.
     */
    private static StringBuilder collapseWhitespace(String text, StringBuilder out) {
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0';
            if (!space) {
                out.append(c);
            }
            else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out;
    }

    /** Collapse runs of spaces within a line, drop blank lines at the edges, at most one blank line between. */
    private static String tidy(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int blankLines = 0;
        for (String line : raw.split("\n", -1)) {
            String collapsed = collapseWhitespace(line, new StringBuilder(line.length())).toString().strip();
            if (collapsed.isEmpty()) {
                blankLines++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            out.append(collapsed);
            blankLines = 0;
        }
        return out.toString();
    }
}
