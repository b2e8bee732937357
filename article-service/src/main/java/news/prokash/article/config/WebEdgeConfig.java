package news.prokash.article.config;

import news.prokash.web.ProblemTypeBase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problem type base under which service-web answers what Tomcat and Boot refuse themselves. */
@Configuration(proxyBeanMethods = false)
class WebEdgeConfig {

    @Bean
    ProblemTypeBase problemTypeBase() {
        return ProblemTypes.TYPES;
    }
}
