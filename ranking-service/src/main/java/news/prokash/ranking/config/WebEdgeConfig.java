package news.prokash.ranking.config;

import news.prokash.web.ProblemTypeBase;
import news.prokash.web.StrictQueryFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The problem type base under which service-web answers what Tomcat and Boot refuse themselves, and
 * its strict query check (the internal partials API reads {@code at} from the query).
 */
@Configuration(proxyBeanMethods = false)
class WebEdgeConfig {

    @Bean
    ProblemTypeBase problemTypeBase() {
        return ProblemTypes.TYPES;
    }

    @Bean
    FilterRegistrationBean<StrictQueryFilter> strictQueryFilter(ProblemTypeBase types) {
        return StrictQueryFilter.registration(types);
    }
}
