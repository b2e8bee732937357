package news.prokash.ingest.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
}
