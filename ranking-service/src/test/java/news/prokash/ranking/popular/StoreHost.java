package news.prokash.ranking.popular;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A store as Kafka Streams hands it to a processor, for unit tests of the classes that write it:
 * Kafka Streams' stores cannot be initialised outside a task, so a one-node topology hosts it.
 */
final class StoreHost {

    private StoreHost() {
    }

    /** Get the store with {@code getWindowStore(name)} or {@code getTimestampedWindowStore(name)}; close when done. */
    static TopologyTestDriver hosting(StoreBuilder<?> store) {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), "in");
        topology.addProcessor("host", Ignore::new, "in");
        topology.addStateStore(store, "host");
        return new TopologyTestDriver(topology);
    }

    private static final class Ignore implements Processor<Object, Object, Object, Object> {

        @Override
        public void process(Record<Object, Object> record) {
        }
    }
}
