package news.prokash.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class KnownClusterIdOnlyTests {

    @Test
    void answersWhatTheApplicationsAdminLearnedWithoutAskingTheCluster() {
        // clusterId() is the lookup (it asks the cluster when the id is not known): never called
        KafkaAdmin application = new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:1")) {
            @Override
            public String clusterId() {
                throw new AssertionError("asked the cluster");
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("kafkaAdmin", application));
        KnownClusterIdOnly forTemplates = new KnownClusterIdOnly(beans.getBeanProvider(KafkaAdmin.class));

        assertThat(forTemplates.clusterId()).isNull();

        application.setClusterId("prokash-cluster");
        assertThat(forTemplates.clusterId()).isEqualTo("prokash-cluster");
    }
}
