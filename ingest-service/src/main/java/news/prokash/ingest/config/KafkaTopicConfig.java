package news.prokash.ingest.config;

import news.prokash.contracts.Topics;
import news.prokash.ingest.article.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the articles topic as every service that touches it does (6 partitions, compacted), so
 * Boot's KafkaAdmin creates it at start-up whichever service starts first. The producer may not
 * auto-create topics: a broker default (1 partition, not compacted) would silently break the contract.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfig {

    @Bean
    NewTopic articlesTopic(IngestProperties properties) {
        IngestProperties.Topic topic = properties.topic();
        return TopicBuilder.name(Topics.ARTICLES)
                .partitions(Topics.PARTITIONS)
                .replicas(topic.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(topic.minCompactionLag().toMillis()))
                .build();
    }
}
