package news.prokash.search.indexing;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The one-shot mode of the jar ({@code --spring.profiles.active=rebuild}): rebuild the index from
 * the articles topic of the binding, swap the alias, exit (status 0 on success).
 */
@Component
@Profile("rebuild")
class IndexRebuildRunner implements ApplicationRunner {

    static final String BINDING = "indexArticleEvents-in-0";

    private final IndexRebuild rebuild;
    private final BindingServiceProperties bindings;
    private final ConfigurableApplicationContext context;

    IndexRebuildRunner(IndexRebuild rebuild, BindingServiceProperties bindings, ConfigurableApplicationContext context) {
        this.rebuild = rebuild;
        this.bindings = bindings;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        rebuild.rebuild(bindings.getBindingDestination(BINDING));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
