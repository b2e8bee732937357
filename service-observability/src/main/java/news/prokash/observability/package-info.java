/**
 * What every Prokash service shares for operations. Spring Kafka observes record listeners and
 * {@code KafkaTemplate} sends by itself; {@link news.prokash.observability.ConsumerTracing} carries the
 * trace on where it cannot: batch listeners and Kafka Streams processors. The shared settings (metric
 * tags, histograms, sampling, probes, graceful shutdown) are in {@code prokash-observability.yml}, which
 * each service imports.
 */
@NullMarked
package news.prokash.observability;

import org.jspecify.annotations.NullMarked;
