package news.prokash.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RepeatedStringsTests {

    @Test
    void shouldGiveTheDecodedStringOfExactlyTheBytesAskedForWhateverWasSeenBefore() {
        RepeatedStrings strings = new RepeatedStrings();
        SplittableRandom random = new SplittableRandom(17);
        // far more distinct strings than slots, many of them repeated, cut at random places of a larger array
        String[] pool = new String[50_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = "article-" + i + "-ভিউ".repeat(random.nextInt(3)) + "x".repeat(random.nextInt(600));
        }
        for (int i = 0; i < 300_000; i++) {
            String expected = pool[random.nextInt(random.nextBoolean() ? 100 : pool.length)];
            byte[] text = expected.getBytes(StandardCharsets.UTF_8);
            byte[] in = new byte[text.length + 8];
            int from = random.nextInt(4);
            System.arraycopy(text, 0, in, from, text.length);
            in[from + text.length] = (byte) random.nextInt(256); // what follows must not matter
            assertThat(strings.get(in, from, from + text.length)).isEqualTo(expected);
        }
    }

    @Test
    void shouldHandOutOneInstanceForBytesSeenAgain() {
        RepeatedStrings strings = new RepeatedStrings();
        byte[] in = "01JZX5N3M8K2Q4R6T8V0W2Y4A6".getBytes(StandardCharsets.US_ASCII);
        String first = strings.get(in, 0, in.length);
        assertThat(strings.get(in.clone(), 0, in.length)).isSameAs(first);
        assertThat(strings.get(in, 0, in.length - 1)).isEqualTo("01JZX5N3M8K2Q4R6T8V0W2Y4A");
        assertThat(strings.get(new byte[0], 0, 0)).isEmpty();
    }

    @Test
    void shouldDecodeBrokenUtf8AsTheJdkDoes() {
        RepeatedStrings strings = new RepeatedStrings();
        byte[] broken = { 'a', (byte) 0xE0, (byte) 0xA6, 'b' };
        String expected = new String(broken, StandardCharsets.UTF_8);
        assertThat(strings.get(broken, 0, broken.length)).isEqualTo(expected);
        assertThat(strings.get(broken, 0, broken.length)).isEqualTo(expected);
    }
}
