/**
 * Real Kafka, Elasticsearch and PostgreSQL servers for tests and the local platform: child
 * processes with pid files, readiness waits and crash recovery, plus {@link
 * news.prokash.harness.Infrastructure} (once per JVM) and {@link
 * news.prokash.harness.RealInfrastructure} (Spring tests).
 */
@NullMarked
package news.prokash.harness;

import org.jspecify.annotations.NullMarked;
