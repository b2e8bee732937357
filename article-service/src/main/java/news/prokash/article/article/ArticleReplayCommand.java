package news.prokash.article.article;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code replay}: rebuild the schema {@code prokash.article.schema} from the topic, then exit
 * (README, "Replay"). The live binding does not start in this profile.
 */
@Component
@Profile("replay")
class ArticleReplayCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArticleReplayCommand.class);

    private final KafkaProperties kafka;

    private final ArticleEventHandler handler;

    private final ConfigurableApplicationContext context;

    ArticleReplayCommand(KafkaProperties kafka, ArticleEventHandler handler, ConfigurableApplicationContext context) {
        this.kafka = kafka;
        this.handler = handler;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        ArticleReplay.Result result = new ArticleReplay(kafka.buildConsumerProperties(), handler).replay();
        log.info("Store rebuilt: {} records read, {} applied, {} poison skipped", result.records(), result.applied(),
                result.poison());
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> 0));
    }
}
