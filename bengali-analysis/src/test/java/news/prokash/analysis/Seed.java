package news.prokash.analysis;

/**
 * Sentences from the seed article (Kalbela, 13 July 2025), in its own encoding: like most text
 * typed on current keyboards it spells য়, ড় and ঢ় as base letter + nukta (U+09BC).
 */
final class Seed {

    static final String HEADLINE = "রাশিয়ার পাশে আছেন কিম জং উন";
    static final String LEAD = "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন।";
    static final String MEETING_DATE = "বৈঠকটি গত ১২ জুলাই উত্তর কোরিয়ার উপকূলীয় শহর উনসানে অনুষ্ঠিত হয়।";
    static final String FOOTER = "কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News ফিডটি অনুসরণ করুন";
    static final String TRAWLER = "এক ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ";

    private Seed() {
    }
}
