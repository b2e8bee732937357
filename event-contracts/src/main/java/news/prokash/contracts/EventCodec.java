package news.prokash.contracts;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON wire format of both topics: a flat JSON object with {@code "schemaVersion"} first,
 * then, for article events, {@code "type"} (the record's simple name) and the record's fields.
 * Times are ISO-8601 strings; article times keep the editor's offset (+06:00 for Dhaka).
 *
 * <p>Compatibility rule: within one schema version, producers may only add optional fields and
 * readers ignore fields they do not know. Anything else is a new schema version, which readers of
 * the old one reject with {@link UnsupportedSchemaVersionException} instead of guessing.
 */
public final class EventCodec {

    public static final int SCHEMA_VERSION = 1;

    private static final String SCHEMA_FIELD = "schemaVersion";

    /** What every event starts with; the record's own fields follow. */
    private static final byte[] SCHEMA_PREFIX = ("{\"" + SCHEMA_FIELD + "\":" + SCHEMA_VERSION)
            .getBytes(StandardCharsets.UTF_8);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventCodec() {
    }

    /** The mapper behind the wire format (its tests build reference encodings with it). */
    static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(ArticleEvent event) {
        return write(event);
    }

    public static byte[] encode(ArticleViewed view) {
        return write(view);
    }

    public static ArticleEvent decodeArticleEvent(byte[] bytes) {
        return read(bytes, ArticleEvent.class);
    }

    public static ArticleViewed decodeView(byte[] bytes) {
        ArticleViewed plain = PlainViewReader.read(bytes);
        return plain != null ? plain : decodeViewInGeneral(bytes);
    }

    /** Every form Jackson reads, and every error; {@link #decodeView} comes here for anything but the plain form. */
    static ArticleViewed decodeViewInGeneral(byte[] bytes) {
        return read(bytes, ArticleViewed.class);
    }

    /**
     * The record's JSON object with the schema version spliced in as its first field: one pass over the record.
     * Building a tree with the version first and then writing the tree was a tenth of ingest's CPU per single
     * create (JFR, ingest-service README); the bytes are the same.
     */
    private static byte[] write(Object value) {
        byte[] record = MAPPER.writeValueAsBytes(value);
        if (record.length < 2 || record[0] != '{') {
            throw new IllegalStateException("an event must serialize to a JSON object: " + value.getClass());
        }
        boolean noFields = record.length == 2; // "{}"
        byte[] event = new byte[SCHEMA_PREFIX.length + (noFields ? 1 : record.length)];
        System.arraycopy(SCHEMA_PREFIX, 0, event, 0, SCHEMA_PREFIX.length);
        if (noFields) {
            event[SCHEMA_PREFIX.length] = '}';
        }
        else {
            event[SCHEMA_PREFIX.length] = ',';
            System.arraycopy(record, 1, event, SCHEMA_PREFIX.length + 1, record.length - 1);
        }
        return event;
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        }
        catch (JacksonException e) {
            throw new EventFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new EventFormatException("an event must be a JSON object");
        }
        JsonNode version = tree.get(SCHEMA_FIELD);
        if (version == null || !version.canConvertToInt()) {
            throw new EventFormatException("missing or non-integer " + SCHEMA_FIELD);
        }
        if (version.intValue() != SCHEMA_VERSION) {
            throw new UnsupportedSchemaVersionException(version.intValue());
        }
        ((ObjectNode) tree).remove(SCHEMA_FIELD);
        try {
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw new EventFormatException("empty event");
            }
            return value;
        }
        catch (JacksonException e) {
            throw new EventFormatException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
