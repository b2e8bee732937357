package news.prokash.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictQueryFilterTests {

    @Test
    void shouldAcceptWellFormedQueryStrings() {
        for (String query : new String[] { "q=x", "q=%E0%A6%95+%E0%A6%96&limit=5", "q=%F0%9F%98%80", "a=&b", "q=%00",
                "section=%E2%80%8C" }) {
            assertThat(StrictQueryFilter.decodes(query)).as(query).isTrue();
        }
    }

    @Test
    void shouldRefuseBrokenEscapesAndInvalidUtf8() {
        for (String query : new String[] { "q=%ED%A0%80", "q=%C3%28", "q=%FF%FE", "q=%E0%A6", "q=%", "q=%4", "q=%G0",
                "q=%F8%88%80%80%80" }) {
            assertThat(StrictQueryFilter.decodes(query)).as(query).isFalse();
        }
    }
}
