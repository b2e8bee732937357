package news.prokash.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article appeared: "অনলাইন সংস্করণ" (online) or the printed paper. */
public enum Edition {
    ONLINE("online"), PRINT("print");

    private final String wireName;

    Edition(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Edition fromWireName(String name) {
        for (Edition e : values()) {
            if (e.wireName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown edition: " + name);
    }
}
