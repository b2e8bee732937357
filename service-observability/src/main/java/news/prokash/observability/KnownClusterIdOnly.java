package news.prokash.observability;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What an observed {@code KafkaTemplate} asks for the cluster id (a tag of its send observation): the id
 * the application's own {@link KafkaAdmin} learned at start-up, or none yet — never a lookup. Spring
 * Kafka otherwise asks the cluster on every send until it knows the id, and with Kafka down that
 * lookup held the first request for a minute (the admin client's close waits out its API timeout),
 * where ingest must answer 503 within seconds.
 */
final class KnownClusterIdOnly extends KafkaAdmin {

    private final ObjectProvider<KafkaAdmin> applicationAdmin;

    KnownClusterIdOnly(ObjectProvider<KafkaAdmin> applicationAdmin) {
        super(Map.of());
        this.applicationAdmin = applicationAdmin;
    }

    @Override
    public @Nullable String clusterId() {
        KafkaAdmin admin = applicationAdmin.getIfUnique();
        return admin == null ? null : admin.getClusterId();
    }
}
