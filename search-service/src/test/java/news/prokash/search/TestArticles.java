package news.prokash.search;

import java.time.OffsetDateTime;
import java.util.List;

import news.prokash.contracts.Article;
import news.prokash.contracts.ArticleStatus;
import news.prokash.contracts.Edition;
import news.prokash.contracts.LeadImage;

/** Articles as the ingest service would publish them; texts from real Bengali news reports. */
public final class TestArticles {

    public static final OffsetDateTime JULY_13 = OffsetDateTime.parse("2025-07-13T10:42:00+06:00");

    private TestArticles() {
    }

    /** The walking-skeleton seed (shared/seed), body as the seed file has it (য + nukta). */
    public static Article seed(String id) {
        return article(id, 1, "রাশিয়ার পাশে আছেন কিম জং উন",
                "ইউক্রেন সংকটে মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত করেছেন কিম",
                "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন। "
                        + "বৈঠকে ইউক্রেন সংকট মোকাবিলায় মস্কোর পদক্ষেপের প্রতি ‘নিঃশর্ত সমর্থন’ পুনর্ব্যক্ত করেছেন কিম। "
                        + "বৈঠকটি গত ১২ জুলাই উত্তর কোরিয়ার উপকূলীয় শহর উনসানে অনুষ্ঠিত হয়। খবর তাস নিউজ এজেন্সির।\n\n"
                        + "উত্তর কোরিয়ার রাষ্ট্রীয় সংবাদ সংস্থা কেসিএনএ এক প্রতিবেদনে জানায়, ডেমোক্রেটিক পিপলস রিপাবলিক অব "
                        + "কোরিয়া (ডিপিআরকে) এবং রাশিয়ার মধ্যে রাষ্ট্রীয় চুক্তির চেতনায় কিম জং উন আবারও জানান, ইউক্রেন "
                        + "সংকটের মূলগত সমাধানে রুশ নেতৃত্বের গৃহীত সব পদক্ষেপকে উত্তর কোরিয়া নিঃশর্তভাবে সমর্থন করবে।\n\n"
                        + "রাশিয়া ও উত্তর কোরিয়ার কূটনৈতিক সম্পর্ক সম্প্রতি আরও ঘনিষ্ঠ হয়ে উঠেছে। বিশেষ করে পশ্চিমা "
                        + "নিষেধাজ্ঞা এবং ইউক্রেন যুদ্ধের জেরে রাশিয়া চীনের পাশাপাশি উত্তর কোরিয়ার সঙ্গেও কৌশলগত মিত্রতা "
                        + "জোরদারে আগ্রহ দেখাচ্ছে।",
                "international", List.of("উত্তর কোরিয়া", "রাশিয়া", "ইউক্রেন"), JULY_13);
    }

    public static Article hilsa(String id) {
        return article(id, 1, "নিষেধাজ্ঞা শেষে জেলেদের জালে মিলছে বড় ইলিশ",
                "চাঁদপুরের মাছঘাটে ইলিশের সরবরাহ বেড়েছে, তবু দাম চড়া",
                "৬৫ দিনের নিষেধাজ্ঞা শেষে পদ্মা ও মেঘনায় জেলেদের জালে ধরা পড়ছে বড় আকারের ইলিশ। চাঁদপুরের বড় "
                        + "স্টেশন মাছঘাটে প্রতিদিন কয়েক শ মণ ইলিশ আসছে। ব্যবসায়ীরা জানান, এক কেজি ওজনের ইলিশ বিক্রি "
                        + "হচ্ছে ২২০০ থেকে ২৪০০ টাকায়। জেলেরা বলছেন, নদীতে পানি বাড়লে ইলিশ আরও বেশি পাওয়া যাবে।",
                "national", List.of("ইলিশ", "চাঁদপুর"), JULY_13.minusDays(2));
    }

    public static Article budget(String id) {
        return article(id, 1, "৭ লাখ ৯০ হাজার কোটি টাকার বাজেট ঘোষণা",
                "মূল্যস্ফীতি সাড়ে ছয় শতাংশে নামিয়ে আনাই নতুন অর্থবছরের প্রধান লক্ষ্য",
                "২০২৫-২৬ অর্থবছরের জন্য ৭ লাখ ৯০ হাজার কোটি টাকার বাজেট ঘোষণা করেছেন অর্থ উপদেষ্টা। বাজেটে "
                        + "মূল্যস্ফীতি সাড়ে ছয় শতাংশে নামিয়ে আনার লক্ষ্য ধরা হয়েছে। করমুক্ত আয়সীমা অপরিবর্তিত রাখা "
                        + "হয়েছে। ইলিশ রপ্তানিতে শুল্ক কমানোর প্রস্তাবও রয়েছে। বাজেট ঘাটতি মেটাতে ব্যাংক খাত থেকে "
                        + "ঋণ নেওয়ার লক্ষ্য ধরা হয়েছে।",
                "economy", List.of("বাজেট", "অর্থনীতি"), JULY_13.minusDays(30));
    }

    /** The score is in ASCII digits, as agency copy often has it. */
    public static Article cricket(String id) {
        return article(id, 1, "মিরাজের ঘূর্ণিতে জিম্বাবুয়েকে হারাল বাংলাদেশ",
                "চট্টগ্রাম টেস্টে ইনিংস ও 106 রানের জয়, সিরিজ সমতায়",
                "চট্টগ্রাম টেস্টে মেহেদী হাসান মিরাজের ঘূর্ণিতে জিম্বাবুয়েকে ইনিংস ও 106 রানে হারিয়েছে বাংলাদেশ। "
                        + "দ্বিতীয় ইনিংসে মাত্র 12 ওভারে ৫ উইকেট নেন মিরাজ। এই জয়ে দুই ম্যাচের টেস্ট সিরিজ ১-১ "
                        + "সমতায় শেষ করল বাংলাদেশ ক্রিকেট দল।",
                "sports", List.of("ক্রিকেট", "মিরাজ"), JULY_13.minusDays(60));
    }

    public static Article article(String id, long version, String headline, String summary, String bodyText,
            String section, List<String> tags, OffsetDateTime publishedAt) {
        String slug = "article-" + id;
        return new Article(id, version, ArticleStatus.PUBLISHED, headline, null, summary,
                "<p>" + bodyText + "</p>", bodyText, section, tags, "প্রকাশ ডেস্ক", Edition.ONLINE, "bn", publishedAt,
                publishedAt, new LeadImage("https://images.example.com/" + id + ".jpg", headline, "সংগৃহীত"),
                "প্রকাশ", slug, "https://prokash.news/" + section + "/" + slug);
    }
}
