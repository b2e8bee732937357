package news.prokash.ingest.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check against the JDK's strict UTF-8 decoder, for whole inputs and for the same input fed in pieces. */
class Utf8CheckTests {

    @Test
    void shouldJudgeBytesAsTheJdksStrictDecoderDoes() {
        // pieces that are UTF-8's edge cases: overlong forms, surrogates, the last code point and beyond it
        byte[][] pieces = { bytes(0x41), bytes(0x7F), bytes(0xC2, 0x80), bytes(0xC1, 0xBF), bytes(0xC0, 0x80),
                bytes(0xE0, 0xA0, 0x80), bytes(0xE0, 0x9F, 0xBF), bytes(0xE0, 0xA6, 0x95), bytes(0xED, 0x9F, 0xBF),
                bytes(0xED, 0xA0, 0x80), bytes(0xEF, 0xBF, 0xBF), bytes(0xF0, 0x90, 0x80, 0x80),
                bytes(0xF0, 0x8F, 0xBF, 0xBF), bytes(0xF4, 0x8F, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80),
                bytes(0xF5, 0x80, 0x80, 0x80), bytes(0x80), bytes(0xBF), bytes(0xFE), bytes(0xFF), bytes(0xE0, 0xA6),
                bytes(0xF0, 0x9F) };
        SplittableRandom random = new SplittableRandom(20261129);
        int wellFormed = 0;
        for (int round = 0; round < 50_000; round++) {
            java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
            for (int i = random.nextInt(1, 12); i > 0; i--) {
                input.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            byte[] all = input.toByteArray();
            boolean expected = isUtf8(all);
            wellFormed += expected ? 1 : 0;

            Utf8Check whole = new Utf8Check();
            assertThat(whole.accept(all, 0, all.length) && whole.complete()).as(hex(all)).isEqualTo(expected);

            Utf8Check inPieces = new Utf8Check(); // as the request body arrives: in reads of any length
            boolean accepted = true;
            for (int at = 0; at < all.length && accepted;) {
                int length = random.nextInt(1, all.length - at + 1);
                accepted = inPieces.accept(all, at, length);
                at += length;
            }
            assertThat(accepted && inPieces.complete()).as("in pieces: " + hex(all)).isEqualTo(expected);
        }
        assertThat(wellFormed).as("both outcomes are common").isBetween(1_000, 49_000);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X ", b & 0xFF));
        }
        return s.toString();
    }
}
