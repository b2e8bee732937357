package news.prokash.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer {@code prokash_bengali_exact}: lossless normalization only, for phrases and exact matches. */
@NamedComponent(BengaliExactAnalyzerFactory.NAME)
public class BengaliExactAnalyzerFactory implements AnalyzerFactory {

    static final String NAME = "prokash_bengali_exact";

    @Override
    public Analyzer create() {
        return new BengaliExactAnalyzer();
    }
}
