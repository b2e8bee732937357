package news.prokash.ingest.article;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonLinesTests {

    @Test
    void shouldReadEachLineWithoutItsBreak() throws IOException {
        assertThat(lines(bytes("{\"a\":\"এক\"}\r\n\n{\"b\":\"দুই\"}\n{\"c\":3}"), 1024)).containsExactly(
                NdjsonLines.Text.of("{\"a\":\"এক\"}"), NdjsonLines.Text.of(""),
                NdjsonLines.Text.of("{\"b\":\"দুই\"}"), NdjsonLines.Text.of("{\"c\":3}"));
    }

    /** A replacement character the editor sent is text like any other; only bytes that are not UTF-8 are refused. */
    @Test
    void shouldKeepAReplacementCharacterThatWasSent() throws IOException {
        assertThat(lines(bytes("{\"a\":\"ক\uFFFDখ\"}\n"), 1024)).containsExactly(NdjsonLines.Text.of("{\"a\":\"ক\uFFFDখ\"}"));
    }

    /** Cut, overlong, surrogate, stray continuation and out-of-range sequences; each also beside a sent U+FFFD. */
    @ParameterizedTest
    @ValueSource(strings = { "e0a6", "c0af", "e080af", "eda080", "80", "f8888080", "f4908080", "ff" })
    void shouldRefuseALineThatIsNotUtf8AndReadTheNextOne(String hex) throws IOException {
        for (String before : List.of("", "\uFFFD")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(bytes("{\"a\":\"" + before + "ক"));
            body.writeBytes(HexFormat.of().parseHex(hex));
            body.writeBytes(bytes("\"}\n{\"b\":1}\n"));

            assertThat(lines(body.toByteArray(), 1024)).as(hex)
                    .containsExactly(new NdjsonLines.NotUtf8(), NdjsonLines.Text.of("{\"b\":1}"));
        }
    }

    @Test
    void shouldSkipALineOverTheLimitToItsEnd() throws IOException {
        String longLine = "{\"a\":\"" + "ক".repeat(100_000) + "\"}";
        assertThat(lines(bytes(longLine + "\n{\"b\":1}"), 1024))
                .containsExactly(new NdjsonLines.TooLong(), NdjsonLines.Text.of("{\"b\":1}"));
    }

    /** Blank lines are skipped, not errors: the bytes answer as {@link String#isBlank} does on the text. */
    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t \u000B\f", "\u001C\u001F ", " \u3000 ", "\u2003", "\u00A0", " x",
            "{}", " \u3000{", "\u0085", "\u2028\u2029", "ক" })
    void shouldCallALineBlankAsStringDoes(String text) {
        assertThat(NdjsonLines.Text.of(text).isBlank()).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
                .isEqualTo(text.isBlank());
    }

    private static List<NdjsonLines.Line> lines(byte[] body, int maxLineBytes) throws IOException {
        NdjsonLines reader = new NdjsonLines(new ByteArrayInputStream(body), maxLineBytes);
        List<NdjsonLines.Line> lines = new ArrayList<>();
        for (NdjsonLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
