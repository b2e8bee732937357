package news.prokash.article.article;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BengaliFormatTests {

    @Test
    void shouldFormatTheSeedArticlesTimeAsThePageShowsIt() {
        assertThat(BengaliFormat.published(TestArticles.SEED_PUBLISHED_AT)).isEqualTo("প্রকাশ : ১৩ জুলাই ২০২৫, ১০:৪২ এএম");
        assertThat(BengaliFormat.updated(TestArticles.SEED_PUBLISHED_AT.plusMinutes(23)))
                .isEqualTo("আপডেট : ১৩ জুলাই ২০২৫, ১১:০৫ এএম");
    }

    @ParameterizedTest
    @CsvSource({
            // midnight and noon on a 12-hour clock, and the minutes either side
            "2025-07-13T00:00:00+06:00, '১৩ জুলাই ২০২৫, ১২:০০ এএম'",
            "2025-07-13T00:59:00+06:00, '১৩ জুলাই ২০২৫, ১২:৫৯ এএম'",
            "2025-07-13T01:00:00+06:00, '১৩ জুলাই ২০২৫, ০১:০০ এএম'",
            "2025-07-13T11:59:00+06:00, '১৩ জুলাই ২০২৫, ১১:৫৯ এএম'",
            "2025-07-13T12:00:00+06:00, '১৩ জুলাই ২০২৫, ১২:০০ পিএম'",
            "2025-07-13T12:01:00+06:00, '১৩ জুলাই ২০২৫, ১২:০১ পিএম'",
            "2025-07-13T13:00:00+06:00, '১৩ জুলাই ২০২৫, ০১:০০ পিএম'",
            "2025-07-13T23:59:59+06:00, '১৩ জুলাই ২০২৫, ১১:৫৯ পিএম'",
    })
    void shouldUseATwelveHourClockWithBengaliAmPm(String time, String expected) {
        assertThat(BengaliFormat.dateTime(OffsetDateTime.parse(time))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "01, '০৫ জানুয়ারি ২০২৬, ০৯:০৭ এএম'",
            "02, '০৫ ফেব্রুয়ারি ২০২৬, ০৯:০৭ এএম'",
            "03, '০৫ মার্চ ২০২৬, ০৯:০৭ এএম'",
            "04, '০৫ এপ্রিল ২০২৬, ০৯:০৭ এএম'",
            "05, '০৫ মে ২০২৬, ০৯:০৭ এএম'",
            "06, '০৫ জুন ২০২৬, ০৯:০৭ এএম'",
            "07, '০৫ জুলাই ২০২৬, ০৯:০৭ এএম'",
            "08, '০৫ আগস্ট ২০২৬, ০৯:০৭ এএম'",
            "09, '০৫ সেপ্টেম্বর ২০২৬, ০৯:০৭ এএম'",
            "10, '০৫ অক্টোবর ২০২৬, ০৯:০৭ এএম'",
            "11, '০৫ নভেম্বর ২০২৬, ০৯:০৭ এএম'",
            "12, '০৫ ডিসেম্বর ২০২৬, ০৯:০৭ এএম'",
    })
    void shouldNameEveryMonthInBengali(String month, String expected) {
        assertThat(BengaliFormat.dateTime(OffsetDateTime.parse("2026-" + month + "-05T09:07:00+06:00"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            // the same instant as the seed, given with other offsets: always shown in Dhaka time
            "2025-07-13T04:42:00Z, '১৩ জুলাই ২০২৫, ১০:৪২ এএম'",
            "2025-07-13T10:12:00+05:30, '১৩ জুলাই ২০২৫, ১০:৪২ এএম'",
            "2025-07-13T00:42:00-04:00, '১৩ জুলাই ২০২৫, ১০:৪২ এএম'",
            // across midnight and the year's end
            "2025-07-12T18:30:00Z, '১৩ জুলাই ২০২৫, ১২:৩০ এএম'",
            "2025-12-31T18:00:00Z, '০১ জানুয়ারি ২০২৬, ১২:০০ এএম'",
            "2026-01-01T02:59:00+09:00, '৩১ ডিসেম্বর ২০২৫, ১১:৫৯ পিএম'",
    })
    void shouldConvertOtherOffsetsToDhakaTime(String time, String expected) {
        assertThat(BengaliFormat.dateTime(OffsetDateTime.parse(time))).isEqualTo(expected);
    }

    @Test
    void shouldWriteListPositionsInBengaliDigits() {
        assertThat(BengaliFormat.number(1)).isEqualTo("১");
        assertThat(BengaliFormat.number(10)).isEqualTo("১০");
        assertThat(BengaliFormat.number(20)).isEqualTo("২০");
        assertThat(BengaliFormat.digits("0123456789")).isEqualTo("০১২৩৪৫৬৭৮৯");
        assertThat(BengaliFormat.digits("v1, 2")).isEqualTo("v১, ২");
    }
}
