package news.prokash.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner must give exactly what parsing with jsoup gives, or leave the body to jsoup. */
class SimpleBodyHtmlTests {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @ParameterizedTest
    @ValueSource(strings = { "<p>উত্তর কোরিয়ার নেতা কিম জং উন।</p><p>বৈঠকটি গত ১২ জুলাই অনুষ্ঠিত হয়।</p>",
            "<h2>শিরোনাম</h2>\n<p><strong>কিম</strong> ও <em>পুতিন</em><br>বৈঠক</p>\n<ul>\n<li>এক</li>\n</ul>",
            "<blockquote><p>উদ্ধৃতি</p><hr></blockquote> শেষ", "", "  ", "a > b\u00A0c\td", "<p></p>",
            "<b><i><u><s><sub><sup>x</sup></sub></s></u></i></b>", "<b><b><b><b><b>x</b></b></b></b></b> y" })
    void shouldTakeSimpleBodiesAsTheyAre(String html) {
        assertSameAsJsoup(html, true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "<p class=\"x\">a</p>", "<a href=\"https://x.example/\">a</a>", "a &amp; b", "a & b",
            "<P>a</P>", "<div>a</div>", "<p>a", "a</p>", "<p><b>a</p></b>", "<p><p>a</p></p>", "<b><p>a</p></b>",
            "<br/>", "</br>", "<hr/>", "<p><hr></p>", "<!-- x -->", "<ul>a</ul>", "<li>a</li>", "<p>a\r\nb</p>",
            "<p>\u0000</p>", "<p>😀</p>", "<p a<b>", "<p", "<>", "</>", "<p><li>a</li></p>", "<ul><br></ul>",
            "<script>x</script>", "<b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b>x</b></b></b></b></b></b></b></b></b></b></b></b></b></b></b></b></b>" })
    void shouldLeaveEverythingElseToJsoup(String html) {
        assertThat(SimpleBodyHtml.sanitize(html)).as(html).isNull();
    }

    /** Random mixes of the scanner's tags, other tags and awkward text: 300,000 bodies. */
    @Test
    void shouldGiveWhatJsoupGivesForRandomBodies() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> tokens = new ArrayList<>(List.of("কিম", " ", "  ", "\n", "\t", "\u00A0", ">", "জং উন।", "a",
                "&", "&amp;", "&nbsp;", "<", "\r", "\u0085", "\u007F", "\u200C", "😀", "<br>", "<hr>", "<br/>", "</br>",
                "<div>", "</div>", "<span>", "</span>", "<P>", "</P>", "<p class=x>", "<a href=\"https://x.example/\">",
                "</a>", "<img src=\"https://x.example/a.jpg\">", "<figure>", "</figure>", "<!-- c -->", "<script>",
                "</script>"));
        for (String name : SimpleBodyHtml.names()) {
            tokens.add("<" + name + ">");
            tokens.add("</" + name + ">");
        }
        int simple = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder html = new StringBuilder();
            int length = random.nextInt(12);
            for (int t = 0; t < length; t++) {
                html.append(tokens.get(random.nextInt(tokens.size())));
            }
            simple += assertSameAsJsoup(html.toString(), false) ? 1 : 0;
        }
        assertThat(simple).as("bodies the scanner took").isGreaterThan(1_000);
    }

    /** Well-nested bodies of the scanner's elements, and the same with one token dropped, doubled or moved. */
    @Test
    void shouldGiveWhatJsoupGivesForNestedBodiesAndNearMisses() {
        SplittableRandom random = new SplittableRandom(11);
        int simple = 0;
        for (int i = 0; i < 30_000; i++) {
            List<String> tokens = new ArrayList<>();
            flow(random, tokens, 0);
            simple += assertSameAsJsoup(String.join("", tokens), true) ? 1 : 0;
            if (!tokens.isEmpty()) {
                int at = random.nextInt(tokens.size());
                String token = tokens.get(at);
                switch (random.nextInt(3)) {
                    case 0 -> tokens.remove(at);
                    case 1 -> tokens.add(at, token);
                    default -> {
                        tokens.remove(at);
                        tokens.add(random.nextInt(tokens.size() + 1), token);
                    }
                }
                assertSameAsJsoup(String.join("", tokens), false);
            }
        }
        assertThat(simple).isEqualTo(30_000);
    }

    private static final String[] BLOCKS = { "p", "h2", "h3", "h4" };
    private static final String[] INLINE = { "strong", "b", "em", "i", "u", "s", "sub", "sup" };
    private static final String[] TEXT = { "উত্তর কোরিয়ার নেতা", " কিম ", "\n", " ", "জং\tউন। ", "a > b", "\u00A0" };

    private static void flow(SplittableRandom random, List<String> out, int depth) {
        int parts = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(depth < 4 ? 7 : 4)) {
                case 0, 1 -> element(out, BLOCKS[random.nextInt(BLOCKS.length)], () -> phrasing(random, out, depth + 1));
                case 2 -> out.add(TEXT[random.nextInt(TEXT.length)]);
                case 3 -> out.add(random.nextBoolean() ? "<hr>" : "<br>");
                case 4 -> element(out, "blockquote", () -> flow(random, out, depth + 1));
                case 5 -> element(out, random.nextBoolean() ? "ul" : "ol", () -> {
                    int items = random.nextInt(4);
                    for (int item = 0; item < items; item++) {
                        out.add(random.nextBoolean() ? "\n" : "");
                        element(out, "li", () -> phrasing(random, out, depth + 2));
                    }
                });
                default -> phrasing(random, out, depth + 1);
            }
        }
    }

    private static void phrasing(SplittableRandom random, List<String> out, int depth) {
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            int choice = random.nextInt(depth < 10 ? 4 : 2);
            if (choice == 0) {
                out.add(TEXT[random.nextInt(TEXT.length)]);
            }
            else if (choice == 1) {
                out.add(random.nextInt(4) == 0 ? "<br>" : TEXT[random.nextInt(TEXT.length)]);
            }
            else {
                element(out, INLINE[random.nextInt(INLINE.length)], () -> phrasing(random, out, depth + 1));
            }
        }
    }

    private static void element(List<String> out, String name, Runnable content) {
        out.add("<" + name + ">");
        content.run();
        out.add("</" + name + ">");
    }

    /** Whether the scanner took the body; if it did, its result must be the jsoup path's. */
    private boolean assertSameAsJsoup(String html, boolean mustBeSimple) {
        HtmlSanitizer.SanitizedBody simple = SimpleBodyHtml.sanitize(html);
        if (mustBeSimple) {
            assertThat(simple).as(html).isNotNull();
        }
        if (simple == null) {
            return false;
        }
        HtmlSanitizer.Checked parsed = sanitizer.checkWithJsoup(html);
        assertThat(parsed.activeContent()).as(html).isFalse();
        assertThat(parsed.tooDeep()).as(html).isFalse();
        assertThat(simple).as(html).isEqualTo(parsed.body());
        return true;
    }
}
