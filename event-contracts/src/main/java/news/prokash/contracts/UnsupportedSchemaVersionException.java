package news.prokash.contracts;

/**
 * The event was written in a schema version this code does not know (usually a newer producer).
 * Consumers must not guess: they dead-letter it and are upgraded.
 */
public class UnsupportedSchemaVersionException extends EventFormatException {

    private final int found;

    public UnsupportedSchemaVersionException(int found) {
        super("unsupported schemaVersion " + found + "; this consumer reads schemaVersion "
                + EventCodec.SCHEMA_VERSION);
        this.found = found;
    }

    public int found() {
        return found;
    }
}
