package news.prokash.search.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed, split into quoted phrases and the free text around them. Nothing here is
 * query syntax: both parts only ever reach Elasticsearch as the text of match queries, so
 * {@code headline:(a OR b)^5} is searched as words, never interpreted.
 *
 * @param text the words outside quotes, whitespace collapsed; may be empty
 * @param phrases each quoted part, in order
 * @param raw what the reader typed
 */
record UserQuery(String text, List<String> phrases, String raw) {

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    UserQuery {
        phrases = List.copyOf(phrases);
    }

    static UserQuery parse(String raw) {
        // phone keyboards and pasted newspaper text bring typographic quotes
        String input = raw.replace('“', '"').replace('”', '"').replace('„', '"');
        List<String> phrases = new ArrayList<>();
        Matcher matcher = PHRASE.matcher(input);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            String phrase = collapse(matcher.group(1));
            if (!phrase.isEmpty()) {
                phrases.add(phrase);
            }
            matcher.appendReplacement(rest, " ");
        }
        matcher.appendTail(rest);
        // an unpaired quote is noise, not an unterminated phrase
        return new UserQuery(collapse(rest.toString().replace('"', ' ')), phrases, raw);
    }

    boolean isEmpty() {
        return text.isEmpty() && phrases.isEmpty();
    }

    private static String collapse(String s) {
        return WHITESPACE.matcher(s.strip()).replaceAll(" ");
    }
}
