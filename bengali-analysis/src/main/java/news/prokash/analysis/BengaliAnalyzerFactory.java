package news.prokash.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer {@code prokash_bengali}: full text, phonetically folded, stopwords removed, stemmed. */
@NamedComponent(BengaliAnalyzerFactory.NAME)
public class BengaliAnalyzerFactory implements AnalyzerFactory {

    static final String NAME = "prokash_bengali";

    @Override
    public Analyzer create() {
        return new BengaliFullTextAnalyzer();
    }
}
