package news.prokash.search.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserQueryTests {

    @Test
    void shouldKeepPlainWordsAsFreeText() {
        UserQuery query = UserQuery.parse("  কিম   জং উন ");

        assertThat(query.text()).isEqualTo("কিম জং উন");
        assertThat(query.phrases()).isEmpty();
    }

    @Test
    void shouldTurnQuotedPartsIntoPhrases() {
        UserQuery query = UserQuery.parse("\"কিম জং উন\" রাশিয়া \"নিঃশর্ত সমর্থন\"");

        assertThat(query.phrases()).containsExactly("কিম জং উন", "নিঃশর্ত সমর্থন");
        assertThat(query.text()).isEqualTo("রাশিয়া");
    }

    @Test
    void shouldTreatTypographicQuotesLikeStraightOnes() {
        UserQuery query = UserQuery.parse("“পদ্মার ইলিশ” দাম");

        assertThat(query.phrases()).containsExactly("পদ্মার ইলিশ");
        assertThat(query.text()).isEqualTo("দাম");
    }

    @Test
    void shouldDropAnUnpairedQuoteAndEmptyPhrases() {
        UserQuery query = UserQuery.parse("বাজেট \"ঘাটতি");
        assertThat(query.text()).isEqualTo("বাজেট ঘাটতি");
        assertThat(query.phrases()).isEmpty();
        assertThat(UserQuery.parse("\"\" \"  \"").isEmpty()).isTrue();
    }

    @Test
    void shouldLeaveSearchSyntaxAsPlainCharacters() {
        UserQuery query = UserQuery.parse("headline:(a OR b)^5 \\\"");

        // the backslash-escaped quote is still a lone quote: noise, not syntax
        assertThat(query.text()).isEqualTo("headline:(a OR b)^5 \\");
        assertThat(query.phrases()).isEmpty();
    }
}
