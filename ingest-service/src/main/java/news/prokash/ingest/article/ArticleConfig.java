package news.prokash.ingest.article;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain (Spring-free) classes of the intake, wired once. */
@Configuration(proxyBeanMethods = false)
class ArticleConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ArticleFactory articleFactory(Clock clock, SiteProperties site, IngestProperties properties) {
        return articleFactory(new ArticleIds(clock), clock, site, properties);
    }

    /** The service's factory around the given ids (tests give ids whose random bits they choose). */
    static ArticleFactory articleFactory(ArticleIds ids, Clock clock, SiteProperties site, IngestProperties properties) {
        return new ArticleFactory(new HtmlSanitizer(), ids, clock, site, properties.languages().getFirst());
    }
}
