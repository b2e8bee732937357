/**
 * The contract between the Prokash services: event records, topic names and their JSON wire
 * format. See {@code event-contracts/README.md} for the format.
 */
@NullMarked
package news.prokash.contracts;

import org.jspecify.annotations.NullMarked;
