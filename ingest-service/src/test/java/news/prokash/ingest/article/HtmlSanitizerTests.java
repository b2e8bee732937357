package news.prokash.ingest.article;

import java.util.SplittableRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTests {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void shouldRemoveScriptsStylesFramesHandlersAndJavascriptLinks() {
        String html = """
                <p onclick="steal()">উত্তর কোরিয়া<script>alert(1)</script></p>\
                <style>p{display:none}</style>\
                <iframe src="https://evil.example/"></iframe>\
                <img src="https://images.example.com/kim.jpg" onerror="alert(2)" alt="কিম">\
                <a href="javascript:alert(3)">লিংক</a>\
                <p style="color:red" class="lead">রাশিয়া</p>""";

        String clean = sanitizer.sanitize(html).html();

        assertThat(clean).isEqualTo("<p>উত্তর কোরিয়া</p><img src=\"https://images.example.com/kim.jpg\" alt=\"কিম\">"
                + "<a>লিংক</a><p>রাশিয়া</p>");
    }

    @Test
    void shouldKeepTheAllowedNewsMarkup() {
        String html = "<h2>শিরোনাম</h2><h3>উপশিরোনাম</h3><p><strong>কিম</strong> ও <em>পুতিন</em><br>বৈঠক</p>"
                + "<ul><li>এক</li></ul><ol><li>দুই</li></ol><blockquote>উদ্ধৃতি</blockquote>"
                + "<figure><img src=\"https://images.example.com/a.jpg\" alt=\"ছবি\"><figcaption>ছবি : সংগৃহীত</figcaption></figure>"
                + "<p><a href=\"https://prokash.example/international/x\" title=\"আরও\">আরও পড়ুন</a></p>";

        assertThat(sanitizer.sanitize(html).html()).isEqualTo(html);
    }

    @Test
    void shouldUnwrapUnknownElementsKeepingTheirText() {
        assertThat(sanitizer.sanitize("<div><span class=\"x\">খবর</span> <font>আজ</font></div>").html())
                .isEqualTo("খবর আজ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>ok</p><script>alert(1)</script>",
            "<p>ok<style>p{}</style></p>",
            "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
            "<img src=\"https://images.example.com/x.jpg\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JaVa\tScRiPt:alert(1)\">x</a>",
            "<object data=\"x.swf\"></object>" })
    void shouldFindActiveContent(String html) {
        assertThat(sanitizer.hasActiveContent(html)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>উত্তর কোরিয়ার নেতা <a href=\"https://example.com/\">কিম</a></p>",
            "<div class=\"x\"><span>harmless</span></div>",
            "<p>the word onion and javascript: as text</p>" })
    void shouldFindNoActiveContentInHarmlessHtml(String html) {
        assertThat(sanitizer.hasActiveContent(html)).isFalse();
    }

    @Test
    void shouldDeriveTextWithParagraphBreaks() {
        String html = "<h2>শিরোনাম</h2><p>প্রথম   অনুচ্ছেদ,\n  একই লাইন।</p><p>দ্বিতীয়<br>নতুন লাইন</p>"
                + "<ul><li>এক</li><li>দুই</li></ul>";

        assertThat(HtmlSanitizer.toText(html))
                .isEqualTo("শিরোনাম\n\nপ্রথম অনুচ্ছেদ, একই লাইন।\n\nদ্বিতীয়\nনতুন লাইন\n\nএক\n\nদুই");
    }

    @Test
    void shouldGiveTheSameTextFromSanitizeAsFromToText() {
        HtmlSanitizer.SanitizedBody body = sanitizer.sanitize("<p>এক</p><script>x()</script><p>দুই &amp; তিন</p>");

        assertThat(body.text()).isEqualTo("এক\n\nদুই & তিন");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>এক</p><script>x()</script><p>দুই &amp; তিন</p>",
            "<div><span class=\"x\">খবর</span><a href=\"https://example.com/\" onclick=\"x()\">লিংক</a> <font>আজ</font>&nbsp;<b>ও</b>\n  কাল</div><br><p>  শেষ  </p>",
            "<ul><li>এক<li>দুই</ul><h2>শিরোনাম<p>খোলা অনুচ্ছেদ" })
    void shouldGiveTheSameAnswerFromOneParseAsFromCleaningAndParsingAgain(String html) {
        HtmlSanitizer.Checked checked = sanitizer.check(html);

        String cleaned = Jsoup.clean(html, "", HtmlSanitizer.SAFELIST, new Document.OutputSettings().prettyPrint(false));
        assertThat(checked.body().html()).isEqualTo(cleaned);
        assertThat(checked.body().text()).isEqualTo(HtmlSanitizer.toText(cleaned));
        assertThat(checked.activeContent()).isEqualTo(sanitizer.hasActiveContent(html));
    }

    /** One walk answers both questions; depth is reported whether the active content comes before or after it. */
    @Test
    void shouldReportTooDeepAlsoWhenTheBodyHasActiveContent() {
        String deep = "<b>".repeat(HtmlSanitizer.MAX_DEPTH + 1) + "x";
        assertThat(sanitizer.check("<p onclick=\"x()\">a</p>" + deep).tooDeep()).isTrue();
        assertThat(sanitizer.check(deep + "<script>x()</script>").tooDeep()).isTrue();
        assertThat(sanitizer.check("<b>".repeat(HtmlSanitizer.MAX_DEPTH - 2) + "<a href=\"javascript:x()\">a</a>"))
                .satisfies(checked -> assertThat(checked.tooDeep()).isFalse())
                .satisfies(checked -> assertThat(checked.activeContent()).isTrue());
    }

    @Test
    void shouldCollapseEveryKindOfSpaceInTheText() {
        assertThat(HtmlSanitizer.toText("<p> এক\t\u00A0 দুই\r\n\fতিন\u000B</p><p>\u2003চার\u2003 পাঁচ\u2003</p>"))
                .isEqualTo("এক দুই তিন\n\nচার\u2003 পাঁচ");
    }

    @Test
    void shouldReuseTheCheckedBodyOnceForTheSameHtml() {
        String html = "<p>উত্তর কোরিয়া</p>";
        HtmlSanitizer.Checked checked = sanitizer.check(html);

        assertThat(sanitizer.sanitize(new String(html))).isSameAs(checked.body());
        assertThat(sanitizer.sanitize(html)).isNotSameAs(checked.body()).isEqualTo(checked.body());
        assertThat(sanitizer.sanitize("<p>অন্য</p>").html()).isEqualTo("<p>অন্য</p>");
    }

    @Test
    void shouldNotRememberABodyWithActiveContent() {
        String html = "<p>ok</p><script>alert(1)</script>";
        HtmlSanitizer.Checked checked = sanitizer.check(html);

        assertThat(checked.activeContent()).isTrue();
        assertThat(sanitizer.sanitize(html)).isNotSameAs(checked.body()).isEqualTo(checked.body());
    }

    /**
     * The hand-written serializer against jsoup's own {@code html()} of the same cleaned tree: random bodies of
     * the allow-list's tags, attributes with and without values, every character jsoup escapes or writes as a
     * number, text and attributes with each character below U+0100, surrogates and Bengali.
     */
    @Test
    void shouldWriteTheCleanedHtmlAsJsoupDoes() {
        String[] pieces = { "<p>", "</p>", "<br>", "<br/>", "<hr>", "<h2>", "</h2>", "<b>", "</b>", "<ul><li>", "</ul>",
                "<figure><img src=\"https://i.example/a.jpg\" alt=\"ছবি &quot;১&quot;\" width=640>", "<figcaption>",
                "<a href=\"https://example.com/?a=1&amp;b=<2>\" title='x\"y'>", "</a>", "<a title>", "<img alt>",
                "<a href=\"javascript:x()\">", "<div class=x>", "<span style=\"y\">", "<script>x()</script>",
                "<!-- comment -->", "<table><tr><td>", "<p title=\"\u00a0\">", " ", "\t", "\n", "\r\n", "\u00a0",
                "&nbsp;", "&amp;", "&lt;", "&gt;", "\"", "'", "&#1;", "&#x7f;", "\u0085", "\u2028", "\ud83d\ude00",
                "&#xd800;", "&#x1d800;", "এক", "দুই", "ক্ষ", "।", "a", "?", "=", "\u200c" };
        SplittableRandom random = new SplittableRandom(20261129);
        int byHand = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(1, 20); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            byHand += assertWrittenAsJsoupDoes(html.toString()) ? 1 : 0;
        }
        for (char c = 0; c < 0x100; c++) {
            assertWrittenAsJsoupDoes("<p>a" + c + "b<a title=\"a" + c + "b\">l</a></p>");
        }
        // about half the bodies hold a piece the serializer leaves to jsoup (a control character, a surrogate)
        assertThat(byHand).as("bodies written by hand, not by the fallback").isGreaterThan(5_000);
    }

    /** Whether the serializer wrote it itself (false: it handed the body to jsoup). */
    private static boolean assertWrittenAsJsoupDoes(String html) {
        Document clean = new org.jsoup.safety.Cleaner(HtmlSanitizer.SAFELIST).clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
        String jsoup = clean.body().html();
        assertThat(HtmlSanitizer.html(clean.body(), html.length())).as("html of %s", html).isEqualTo(jsoup);
        String byHand = HtmlSanitizer.writeByHand(clean.body(), 16);
        assertThat(byHand).as("html of %s", html).isIn(jsoup, null);
        return byHand != null;
    }

    /**
     * The one-pass text against the rule it replaced, written out here as it was: the raw text of the walk
     * with each text node's spaces collapsed, then split into lines, each collapsed again and stripped.
     * Random bodies from pieces that meet at the edges: every kind of space, breaks, blocks and inline tags.
     */
    @Test
    void shouldGiveTheSameTextAsTheTwoPassRule() {
        String[] pieces = { "<p>", "</p>", "<br>", "<h2>", "</h2>", "<li>", "<b>", "</b>", "<i>", "</i>",
                "<blockquote>", "</blockquote>", "<hr>", "<figure>", "<figcaption>", "</figure>",
                " ", "  ", "\t", "\n", "\r\n", "\f", "\u000B", "\u00A0", "&nbsp;", "\u2003", "\u3000", "\u2028",
                "\u001F", "\u200B", "এক", "দুই", "a", "।", "&amp;", "&#x2003;", "&#10;" };
        SplittableRandom random = new SplittableRandom(20261128);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder html = new StringBuilder();
            int n = random.nextInt(1, 16);
            for (int i = 0; i < n; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            Element body = Jsoup.parseBodyFragment(html.toString()).body();
            assertThat(HtmlSanitizer.toText(html.toString())).as("text of %s", html).isEqualTo(twoPassText(body));
        }
    }

    private static String twoPassText(Element body) {
        StringBuilder raw = new StringBuilder();
        java.util.Set<String> blocks = java.util.Set.of("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li",
                "figure", "figcaption", "hr");
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    raw.append(collapse(text.getWholeText()));
                }
                else if (node instanceof Element element) {
                    raw.append(element.normalName().equals("br") ? "\n" : blocks.contains(element.normalName()) ? "\n\n" : "");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && blocks.contains(element.normalName())) {
                    raw.append("\n\n");
                }
            }
        }, body);
        StringBuilder out = new StringBuilder();
        int blankLines = 0;
        for (String line : raw.toString().split("\n", -1)) {
            String collapsed = collapse(line).strip();
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

    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\x0B\\f\\r\\u00A0]+", " ");
    }
}
