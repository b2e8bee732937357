package news.prokash.article.article;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The display strings of the seed page: {@code প্রকাশ : ১৩ জুলাই ২০২৫, ১০:৪২ এএম}. Always Dhaka time,
 * whatever offset the editor gave; Bengali digits, Bengali month names, a 12-hour clock with
 * এএম/পিএম; day, hour and minute in two digits, as the newspaper prints them.
 */
final class BengaliFormat {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    private static final String[] MONTHS = { "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই",
            "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর" };

    private static final char BENGALI_ZERO = '\u09E6';

    private BengaliFormat() {
    }

    static String published(OffsetDateTime time) {
        return "প্রকাশ : " + dateTime(time);
    }

    static String updated(OffsetDateTime time) {
        return "আপডেট : " + dateTime(time);
    }

    /** {@code ১৩ জুলাই ২০২৫, ১০:৪২ এএম}: midnight is ১২:০০ এএম, noon ১২:০০ পিএম. */
    static String dateTime(OffsetDateTime time) {
        ZonedDateTime dhaka = time.atZoneSameInstant(DHAKA);
        int hour = dhaka.getHour() % 12 == 0 ? 12 : dhaka.getHour() % 12;
        return twoDigits(dhaka.getDayOfMonth()) + " " + MONTHS[dhaka.getMonthValue() - 1] + " "
                + digits(Integer.toString(dhaka.getYear())) + ", " + twoDigits(hour) + ":"
                + twoDigits(dhaka.getMinute()) + " " + (dhaka.getHour() < 12 ? "এএম" : "পিএম");
    }

    /** A list position as the page shows it: ১, ২ … ২০. */
    static String number(long n) {
        return digits(Long.toString(n));
    }

    private static String twoDigits(int n) {
        return digits(n < 10 ? "0" + n : Integer.toString(n));
    }

    /** ASCII digits to Bengali digits (U+09E6 to U+09EF); everything else unchanged. */
    static String digits(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) (BENGALI_ZERO + (c - '0')) : c);
        }
        return out.toString();
    }
}
