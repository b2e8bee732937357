package news.prokash.ingest;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Article bodies of a given size written from the seed page's own words, in random order. A body made
 * by repeating one paragraph compresses several times better than news does, so PostgreSQL stored it
 * small and inline, and the benchmark measured less storage work than a real article costs.
 */
final class SeedWords {

    /** Every distinct Bengali word of the seed page (article, captions, both lists), in page order. */
    private static final String[] WORDS = """
            কালবেলা ডেস্ক প্রকাশ ১৩ জুলাই ২০২৫ এএম অনলাইন সংস্করণ রাশিয়ার পাশে আছেন কিম জং উন উত্তর কোরিয়ার
            নেতা ছবি সংগৃহীত পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন বৈঠকে ইউক্রেন সংকট মোকাবিলায়
            মস্কোর পদক্ষেপের প্রতি নিঃশর্ত সমর্থন পুনর্ব্যক্ত বৈঠকটি গত ১২ উপকূলীয় শহর উনসানে অনুষ্ঠিত হয় খবর
            তাস নিউজ এজেন্সির রাষ্ট্রীয় সংবাদ সংস্থা কেসিএনএ এক প্রতিবেদনে জানায় ডেমোক্রেটিক পিপলস রিপাবলিক অব
            কোরিয়া ডিপিআরকে এবং মধ্যে চুক্তির চেতনায় আবারও জানান সংকটের মূলগত সমাধানে রুশ নেতৃত্বের গৃহীত সব
            পদক্ষেপকে নিঃশর্তভাবে করবে রাশিয়া ও কূটনৈতিক সম্পর্ক সম্প্রতি আরও ঘনিষ্ঠ হয়ে উঠেছে বিশেষ করে
            পশ্চিমা নিষেধাজ্ঞা যুদ্ধের জেরে চীনের পাশাপাশি সঙ্গেও কৌশলগত মিত্রতা জোরদারে আগ্রহ দেখাচ্ছে এর
            সর্বশেষ পেতে ফিডটি অনুসরণ করুন মন্তব্য জনপ্রিয় পাকিস্তানেও ৫ আগস্ট সরকার পতনের পরিকল্পনা করছে
            পিটিআই মিডফোর্ডে সোহাগ হত্যা গ্রেপ্তার দুই আসামি ৪ দিনের রিমান্ডে হত্যাকাণ্ড নিয়ে মুখ খুললেন
            আনসারের ডিজি নেত্রীর বাড়িতে চলছিল গোপন পল্লবীতে চাঁদা না দেওয়ায় ৩ কুয়েটে যাওয়া প্রসঙ্গে
            মাহবুবের স্ত্রীর বিস্ফোরক পদে নিয়োগ দিচ্ছে ইসলামিক ফাউন্ডেশন তত্ত্বাবধায়ক গঠন আলোচনা শুরু মঙ্গলবার
            ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ আমি রাজনীতি বুঝি করতেও চাই অপু বিশ্বাস ১০ চাতক পাখির মতো জাতি জামায়াতের
            দিকে তাকিয়ে আছে গোলাম পরওয়ার ১১ সাহসী উদ্যোক্তা নুরুল ইসলামের পঞ্চম মৃত্যুবার্ষিকী পালন গরমে আরাম
            দেবে ৭ খাবার হামলার ভয়ে হেলমেটে সিসি ক্যামেরা লাগিয়ে ঘুরছেন যুবক ১৪ ৩০ জুলাইয়ের যৌক্তিক জায়গায়
            পৌঁছাতে চায় কমিশন আলী রীয়াজ ১৫ জবি শিক্ষার্থীদের ২৪ ঘণ্টার আলটিমেটাম ১৬ হাসিনাসহ জনের বিরুদ্ধে
            ট্রাইব্যুনালে গুমের অভিযোগ বিএনপির ১৭ প্রেস অ্যাক্রিডিটেশন কার্ডের জন্য আবেদন আহ্বান ১৮ প্যারিসে
            তালা ঝুলালেন মেহজাবীন চৌধুরী ১৯ চাকরি দেওয়ার নামে প্রতারণা পুলিশ পরিচয়ধারী ২০
            """.strip().split("\\s+");

    private SeedWords() {
    }

    /** Paragraphs of 3 to 5 sentences of 6 to 14 words, until the HTML is at least {@code bytes} in UTF-8. */
    static String bodyHtml(int bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder html = new StringBuilder();
        while (html.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            html.append("<p>");
            int sentences = random.nextInt(3, 6);
            for (int s = 0; s < sentences; s++) {
                int words = random.nextInt(6, 15);
                for (int w = 0; w < words; w++) {
                    html.append(WORDS[random.nextInt(WORDS.length)]).append(w == words - 1 ? "। " : " ");
                }
            }
            html.setLength(html.length() - 1);
            html.append("</p>");
        }
        return html.toString();
    }

    static int vocabulary() {
        return WORDS.length;
    }
}
