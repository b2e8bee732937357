package news.prokash.article.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArticleProperties.class)
class ArticleConfiguration {

    /**
     * Lists and feeds change with any article, so their ETag is a hash of the body; the filter
     * also answers {@code If-None-Match} with 304. A single article sets its own ETag (its version).
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/articles/latest", "/feeds/*", "/sitemaps/*");
        return registration;
    }
}
