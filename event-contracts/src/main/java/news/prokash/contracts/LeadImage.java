package news.prokash.contracts;

import org.jspecify.annotations.Nullable;

/** The picture above the body, e.g. caption "উত্তর কোরিয়ার নেতা কিম জং উন।", credit "সংগৃহীত". */
public record LeadImage(String url, @Nullable String caption, @Nullable String credit) {
}
