package news.prokash.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import news.prokash.contracts.Article;

/**
 * A generated corpus of short Bengali news reports: templates over real vocabulary (topics, places
 * with their case forms, people), digits in Bengali or ASCII, shared filler sentences for noise.
 * Each article knows its topic, place and person, which is what the judged queries are judged by.
 * Deterministic for a seed.
 */
public final class NewsCorpus {

    /** A place with the forms news text uses: ঢাকা, ঢাকায় (in), ঢাকার (of). */
    record Place(String name, String in, String of, String latin) {
    }

    public record Doc(Article article, String topic, Place place, String person) {
    }

    /** A judged query: relevant are the articles the predicate accepts. */
    public record Judged(String query, Predicate<Doc> relevant) {
    }

    static final List<Place> PLACES = List.of(
            new Place("ঢাকা", "ঢাকায়", "ঢাকার", "dhaka"), new Place("চট্টগ্রাম", "চট্টগ্রামে", "চট্টগ্রামের", "chattogram"),
            new Place("খুলনা", "খুলনায়", "খুলনার", "khulna"), new Place("রাজশাহী", "রাজশাহীতে", "রাজশাহীর", "rajshahi"),
            new Place("সিলেট", "সিলেটে", "সিলেটের", "sylhet"), new Place("বরিশাল", "বরিশালে", "বরিশালের", "barishal"),
            new Place("চাঁদপুর", "চাঁদপুরে", "চাঁদপুরের", "chandpur"), new Place("কক্সবাজার", "কক্সবাজারে", "কক্সবাজারের", "coxsbazar"));

    static final List<String> PLAYERS = List.of("মেহেদী হাসান মিরাজ", "সাকিব আল হাসান", "তামিম ইকবাল", "লিটন দাস");

    private record Topic(String name, String section, List<String> tags, List<String> headlines, List<String> sentences) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("hilsa", "economy", List.of("ইলিশ", "মাছ"),
                    List.of("{in} ইলিশের দাম চড়া", "নিষেধাজ্ঞা শেষে {of} জেলেদের জালে ইলিশ", "{of} বাজারে ইলিশের সরবরাহ বেড়েছে"),
                    List.of("এক কেজি ওজনের ইলিশ বিক্রি হচ্ছে {n} টাকায়।", "জেলেরা বলছেন, নদীতে পানি বাড়লে ইলিশ আরও বেশি পাওয়া যাবে।",
                            "মাছঘাটে প্রতিদিন কয়েক শ মণ ইলিশ আসছে।", "ইলিশ রপ্তানি নিয়ে ব্যবসায়ীদের মধ্যে মতভেদ রয়েছে।")),
            new Topic("budget", "economy", List.of("বাজেট", "অর্থনীতি"),
                    List.of("বাজেটে করমুক্ত আয়সীমা বাড়ানোর দাবি", "{n} হাজার কোটি টাকার বাজেট ঘোষণা", "বাজেট ঘাটতি মেটাতে ব্যাংকঋণ"),
                    List.of("অর্থ উপদেষ্টা নতুন অর্থবছরের বাজেট উপস্থাপন করেছেন।", "বাজেটে মূল্যস্ফীতি কমানোর লক্ষ্য ধরা হয়েছে।",
                            "করমুক্ত আয়সীমা অপরিবর্তিত রাখা হয়েছে।", "{of} ব্যবসায়ীরা বাজেট নিয়ে প্রতিক্রিয়া জানিয়েছেন।")),
            new Topic("cricket", "sports", List.of("ক্রিকেট"),
                    List.of("{person}-এর ঘূর্ণিতে জয় বাংলাদেশের", "{in} টেস্টে {person}-এর সেঞ্চুরি", "{person}কে নিয়ে ক্রিকেট দল ঘোষণা"),
                    List.of("{person} {n} রানে অপরাজিত ছিলেন।", "বাংলাদেশ ক্রিকেট দল সিরিজে এগিয়ে গেল।",
                            "দ্বিতীয় ইনিংসে মাত্র {d} ওভারে ৫ উইকেট পড়ে যায়।", "{in} স্টেডিয়ামে দর্শকের ভিড় ছিল।")),
            new Topic("flood", "national", List.of("বন্যা"),
                    List.of("{in} বন্যায় পানিবন্দী লাখো মানুষ", "{of} নিম্নাঞ্চল প্লাবিত, বাড়ছে বন্যার পানি", "বন্যার্তদের মধ্যে ত্রাণ বিতরণ {in}"),
                    List.of("টানা বৃষ্টি ও উজানের ঢলে নদীর পানি বিপৎসীমার ওপরে।", "বন্যার পানিতে ডুবে গেছে ফসলের মাঠ।",
                            "আশ্রয়কেন্দ্রে উঠেছে {n} পরিবার।", "{of} সড়ক যোগাযোগ বিচ্ছিন্ন।")),
            new Topic("dengue", "health", List.of("ডেঙ্গু", "স্বাস্থ্য"),
                    List.of("{in} ডেঙ্গুতে আরও {d} জনের মৃত্যু", "ডেঙ্গু রোগীতে ঠাসা {of} হাসপাতাল", "এডিস মশা নিধনে অভিযান {in}"),
                    List.of("গত ২৪ ঘণ্টায় হাসপাতালে ভর্তি হয়েছেন {n} জন ডেঙ্গু রোগী।", "স্বাস্থ্য অধিদপ্তর ডেঙ্গু পরিস্থিতি নিয়ে উদ্বেগ জানিয়েছে।",
                            "এডিস মশার লার্ভা পাওয়া গেছে বহু বাড়িতে।", "চিকিৎসকেরা জ্বর হলে দ্রুত পরীক্ষা করানোর পরামর্শ দিয়েছেন।")),
            new Topic("election", "politics", List.of("নির্বাচন", "রাজনীতি"),
                    List.of("{in} উপনির্বাচনের ভোট গ্রহণ শেষ", "নির্বাচন কমিশনের সঙ্গে দলগুলোর সংলাপ", "{of} সিটি নির্বাচনে প্রার্থী {d} জন"),
                    List.of("নির্বাচন কমিশন ভোটের তফসিল ঘোষণা করেছে।", "ভোটকেন্দ্রে ভোটারদের দীর্ঘ সারি দেখা গেছে।",
                            "রাজনৈতিক দলগুলো সুষ্ঠু নির্বাচনের দাবি জানিয়েছে।", "{in} নির্বাচনী প্রচারণা জমে উঠেছে।")),
            new Topic("metro", "national", List.of("মেট্রোরেল", "যানজট"),
                    List.of("মেট্রোরেলে দৈনিক যাত্রী {n} হাজার ছাড়াল", "মেট্রোরেলের নতুন স্টেশন চালু", "যানজট কমাতে মেট্রোরেলের সময় বাড়ল"),
                    List.of("ঢাকায় মেট্রোরেল চলাচলের সময় রাত পর্যন্ত বাড়ানো হয়েছে।", "উত্তরা থেকে মতিঝিল যেতে লাগছে ৪০ মিনিট।",
                            "যাত্রীরা বলছেন, যানজট এড়াতে মেট্রোরেলই ভরসা।", "ভাড়া নিয়ে যাত্রীদের মধ্যে অসন্তোষ রয়েছে।")),
            new Topic("russia", "international", List.of("রাশিয়া", "ইউক্রেন"),
                    List.of("রাশিয়া-ইউক্রেন যুদ্ধবিরতির আলোচনা", "ইউক্রেনে রাশিয়ার ড্রোন হামলা", "রাশিয়ার ওপর নতুন নিষেধাজ্ঞা"),
                    List.of("ইউক্রেন যুদ্ধের জেরে জ্বালানির দাম বেড়েছে।", "মস্কো বলছে, আলোচনায় তারা প্রস্তুত।",
                            "কিয়েভে রাতভর বিমান হামলার সাইরেন বেজেছে।", "পশ্চিমা দেশগুলো রাশিয়ার ওপর চাপ বাড়াচ্ছে।")),
            new Topic("rice", "economy", List.of("চাল", "বাজারদর"),
                    List.of("{of} বাজারে চালের দাম কেজিতে {d} টাকা বেড়েছে", "মোটা চালের দাম চড়া, বিপাকে ক্রেতা", "চাল আমদানির অনুমতি"),
                    List.of("মোটা চাল বিক্রি হচ্ছে কেজিপ্রতি {n} টাকায়।", "ব্যবসায়ীরা বলছেন, সরবরাহ কম থাকায় দাম বেড়েছে।",
                            "নিম্ন আয়ের মানুষ চালের দাম নিয়ে বিপাকে।", "সরকার খোলাবাজারে চাল বিক্রি শুরু করেছে।")),
            new Topic("cyclone", "national", List.of("ঘূর্ণিঝড়", "আবহাওয়া"),
                    List.of("ঘূর্ণিঝড়ের আঘাতে লন্ডভন্ড {of} উপকূল", "{in} ঘূর্ণিঝড় আঘাত হানতে পারে", "ঘূর্ণিঝড়ের প্রভাবে {in} ভারী বৃষ্টি"),
                    List.of("বন্দরগুলোকে {d} নম্বর মহাবিপদ সংকেত দেখাতে বলা হয়েছে।", "উপকূলের মানুষকে আশ্রয়কেন্দ্রে সরিয়ে নেওয়া হচ্ছে।",
                            "ঘূর্ণিঝড়ের প্রভাবে গাছপালা উপড়ে পড়েছে।", "মাছ ধরার নৌকাগুলোকে উপকূলে ফিরতে বলা হয়েছে।")));

    private static final List<String> FILLER = List.of(
            "এ বিষয়ে স্থানীয় প্রশাসনের বক্তব্য জানা যায়নি।", "সংশ্লিষ্ট কর্মকর্তারা পরিস্থিতি পর্যবেক্ষণ করছেন।",
            "বিস্তারিত আসছে।", "স্থানীয় বাসিন্দারা জানান, এমন পরিস্থিতি আগে দেখা যায়নি।",
            "সরকারের পক্ষ থেকে প্রয়োজনীয় ব্যবস্থা নেওয়ার আশ্বাস দেওয়া হয়েছে।");

    private NewsCorpus() {
    }

    public static List<Doc> generate(int count, long seed) {
        Random random = new Random(seed);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(6)).withNano(0);
        List<Doc> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Topic topic = TOPICS.get(i % TOPICS.size());
            Place place = topic.name().equals("metro") ? PLACES.getFirst() : PLACES.get(random.nextInt(PLACES.size()));
            String person = PLAYERS.get(random.nextInt(PLAYERS.size()));
            String headline = fill(topic.headlines().get(random.nextInt(topic.headlines().size())), place, person, random);
            StringBuilder body = new StringBuilder();
            List<String> sentences = new ArrayList<>(topic.sentences());
            java.util.Collections.shuffle(sentences, random);
            for (int s = 0; s < 3; s++) {
                body.append(fill(sentences.get(s), place, person, random)).append(' ');
            }
            body.append(FILLER.get(random.nextInt(FILLER.size())));
            String summary = fill(sentences.get(3), place, person, random);
            List<String> tags = new ArrayList<>(topic.tags());
            if (!topic.name().equals("russia") && !topic.name().equals("metro")) {
                tags.add(place.name());
            }
            Article article = TestArticles.article("c-" + seed + "-" + i, 1, headline, summary, body.toString().strip(),
                    topic.section(), tags, now.minusHours(1 + random.nextInt(24 * 365)));
            docs.add(new Doc(article, topic.name(), place, topic.name().equals("cricket") ? person : ""));
        }
        return docs;
    }

    private static String fill(String template, Place place, String person, Random random) {
        // numbers as agency copy has them: sometimes ASCII, sometimes Bengali digits
        String n = Integer.toString(100 + random.nextInt(900));
        String d = Integer.toString(2 + random.nextInt(9));
        if (random.nextBoolean()) {
            n = bengaliDigits(n);
            d = bengaliDigits(d);
        }
        return template.replace("{in}", place.in()).replace("{of}", place.of()).replace("{person}", person)
                .replace("{n}", n).replace("{d}", d);
    }

    private static String bengaliDigits(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) ('০' + (c - '0'))));
        return out.toString();
    }

    private static Predicate<Doc> topic(String name) {
        return d -> d.topic().equals(name);
    }

    private static Predicate<Doc> topicAt(String name, String place) {
        return d -> d.topic().equals(name) && d.place().name().equals(place);
    }

    /** Bengali queries: inflected forms, digits, spelling variants, phrases. */
    public static List<Judged> bengaliQueries() {
        return List.of(
                new Judged("ইলিশ", topic("hilsa")), new Judged("ইলিশের দাম", topic("hilsa")),
                new Judged("জেলেদের জালে ইলিশ", topic("hilsa")), new Judged("বাজেট", topic("budget")),
                new Judged("বাজেটে করমুক্ত আয়সীমা", topic("budget")), new Judged("ক্রিকেট", topic("cricket")),
                new Judged("মিরাজের সেঞ্চুরি", d -> d.person().contains("মিরাজ")),
                new Judged("সাকিব", d -> d.person().contains("সাকিব")), new Judged("বন্যা", topic("flood")),
                new Judged("সিলেটে বন্যা", topicAt("flood", "সিলেট")), new Judged("বন্যার পানি", topic("flood")),
                new Judged("ডেঙ্গু", topic("dengue")), new Judged("ডেঙ্গুতে মৃত্যু", topic("dengue")),
                new Judged("রাজশাহীতে ডেঙ্গু", topicAt("dengue", "রাজশাহী")), new Judged("নির্বাচন কমিশন", topic("election")),
                new Judged("মেট্রোরেল", topic("metro")), new Judged("মেট্রোরেলের যাত্রী", topic("metro")),
                new Judged("রাশিয়া ইউক্রেন যুদ্ধ", topic("russia")), new Judged("রাশিয়ার ওপর নিষেধাজ্ঞা", topic("russia")),
                new Judged("চালের দাম", topic("rice")), new Judged("ঘূর্ণিঝড়", topic("cyclone")),
                new Judged("খুলনায় ঘূর্ণিঝড়", topicAt("cyclone", "খুলনা")), new Judged("৭ নম্বর মহাবিপদ সংকেত", topic("cyclone")),
                new Judged("\"মহাবিপদ সংকেত\"", topic("cyclone")), new Judged("ঘুর্ণিঝড়", topic("cyclone")),
                new Judged("চট্টগ্রামের বাজারে চাল", topicAt("rice", "চট্টগ্রাম")), new Judged("বরিশাল বন্যা", topicAt("flood", "বরিশাল")));
    }

    /** The same needs typed in Latin letters, as readers without a Bengali keyboard do. */
    public static List<Judged> latinQueries() {
        return List.of(
                new Judged("ilish", topic("hilsa")), new Judged("ilisher dam", topic("hilsa")), new Judged("bajet", topic("budget")),
                new Judged("kormukto aysima", topic("budget")), new Judged("kriket", topic("cricket")),
                new Judged("miraj", d -> d.person().contains("মিরাজ")), new Judged("sakib al hasan", d -> d.person().contains("সাকিব")),
                new Judged("bonna", topic("flood")), new Judged("sylhete bonna", topicAt("flood", "সিলেট")),
                new Judged("dengu", topic("dengue")), new Judged("dhakay dengue", topicAt("dengue", "ঢাকা")),
                new Judged("nirbachon commission", topic("election")), new Judged("metrorail", topic("metro")),
                new Judged("rashia", topic("russia")), new Judged("russia ukraine", topic("russia")),
                new Judged("chaler dam", topic("rice")), new Judged("ghurnijhor", topic("cyclone")),
                new Judged("khulnay ghurnijhor", topicAt("cyclone", "খুলনা")), new Judged("mohabipod sonket", topic("cyclone")),
                new Judged("rajshahi dengue", topicAt("dengue", "রাজশাহী")), new Judged("chattogram chal", topicAt("rice", "চট্টগ্রাম")),
                new Judged("barishal bonna", topicAt("flood", "বরিশাল")));
    }
}
