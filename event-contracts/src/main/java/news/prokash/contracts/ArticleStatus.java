package news.prokash.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Publication state of an article as the event stream last described it. */
public enum ArticleStatus {
    PUBLISHED("published"), UNPUBLISHED("unpublished"), DELETED("deleted");

    private final String wireName;

    ArticleStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
