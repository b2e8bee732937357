package news.prokash.analysis;

import java.io.Reader;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

/**
 * Char filter {@code prokash_bengali_normalize}: nukta letters, two-part vowel signs and khanda ta
 * to one form, invisible format characters removed. Both analyzers start with it.
 */
@NamedComponent(BengaliNormalizeCharFilterFactory.NAME)
public class BengaliNormalizeCharFilterFactory implements CharFilterFactory {

    static final String NAME = "prokash_bengali_normalize";

    @Override
    public Reader create(Reader reader) {
        return BengaliCharNormalization.wrap(reader);
    }

    // character by character, so keyword normalizers and query terms get it too
    @Override
    public Reader normalize(Reader reader) {
        return BengaliCharNormalization.wrap(reader);
    }
}
