package news.prokash.ingest.config;

/**
 * The firewall's rules for header names and values, as loops over the characters. Spring Security's
 * {@code StrictHttpFirewall} checks them with regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*},
 * and for values also a tab) on every {@code getHeader}; over an editor's 800-character bearer token
 * that was about 2 % of a single create's CPU (JFR). Same rules, tested against those expressions.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Every code point assigned in Unicode and not a control character. */
    static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    /** The same, and a tab is allowed too. */
    static boolean isAllowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length();) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, all of a token and nearly all headers
                i++;
                continue;
            }
            int codePoint = s.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
