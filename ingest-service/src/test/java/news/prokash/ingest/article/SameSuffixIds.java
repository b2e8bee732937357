package news.prokash.ingest.article;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Article ids whose random bits are always the same, so that every id ends in the same characters. */
public final class SameSuffixIds {

    private SameSuffixIds() {
    }

    /** Replaces the service's article factory with one that makes such ids. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        ArticleFactory sameSuffixArticleFactory(Clock clock, SiteProperties site, IngestProperties properties) {
            // the time and counter bits still differ, so the ids do
            return ArticleConfig.articleFactory(new ArticleIds(clock, () -> 0x5eed_5eedL), clock, site, properties);
        }
    }
}
