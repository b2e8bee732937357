package news.prokash.ranking.config;

import java.time.Duration;

import news.prokash.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Every service declares the topics it touches the same way, so whichever starts first creates
 * them right. Kafka Streams creates its own changelog and never creates a sink topic, hence the DLQ.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    static final Duration VIEWS_RETENTION = Duration.ofDays(8);

    @Bean
    NewTopic articlesTopic() {
        return TopicBuilder.name(Topics.ARTICLES)
                .partitions(Topics.PARTITIONS)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    @Bean
    NewTopic viewsTopic() {
        return TopicBuilder.name(Topics.VIEWS)
                .partitions(Topics.PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(VIEWS_RETENTION.toMillis()))
                .build();
    }

    @Bean
    NewTopic viewsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(Topics.VIEWS, "ranking-service"))
                .partitions(Topics.PARTITIONS)
                .build();
    }
}
