package news.prokash.ingest.config;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops give what Spring Security's StrictHttpFirewall expressions give, for every code point. */
class HeaderCharactersTests {

    // StrictHttpFirewall's own expressions (spring-security-web 7.0)
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void shouldJudgeEveryCodePointAsTheFirewallsExpressionsDo() {
        int refused = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String one = Character.toString(codePoint);
            assertThat(HeaderCharacters.isAllowedName(one)).as("name U+%04X", codePoint)
                    .isEqualTo(NAMES.matcher(one).matches());
            assertThat(HeaderCharacters.isAllowedValue(one)).as("value U+%04X", codePoint)
                    .isEqualTo(VALUES.matcher(one).matches());
            refused += HeaderCharacters.isAllowedValue(one) ? 0 : 1;
        }
        assertThat(refused).as("control and unassigned code points exist").isGreaterThan(60);
    }

    @Test
    void shouldJudgeWholeStringsAsTheExpressionsDo() {
        List<String> samples = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "application/json; charset=utf-8",
                "a\tb", "\t", "abc\u0000def", "abc\rX-Injected: 1", "caf\u00e9", "\u0995\u09be\u09b2\u09c7\u09b0",
                "\ud83d\ude00 smile", "lone \ud800 high", "lone \udc00 low", "\u0378 unassigned", "x\u007f", "x\u0085",
                "\u200b\u2028\u2029", "\uffff", "a\u0001b");
        for (String s : samples) {
            assertThat(HeaderCharacters.isAllowedName(s)).as("name %s", s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.isAllowedValue(s)).as("value %s", s).isEqualTo(VALUES.matcher(s).matches());
        }
    }
}
