package news.prokash.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorReportsTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProblemErrorReports.class))
            .withBean(ProblemTypeBase.class, () -> new ProblemTypeBase("https://prokash.example/problems/"));

    @Test
    void shouldAnswerTheErrorPathWithOneControllerAndCheckQueriesOnlyWhereAsked() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ErrorController.class);
            assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
        });
        runner.withPropertyValues("prokash.web.strict-query=true").run(context -> assertThat(
                context.getBean(FilterRegistrationBean.class).getFilter()).isInstanceOf(StrictQueryFilter.class));
    }
}
