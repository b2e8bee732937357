package news.prokash.ingest.article;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

    private static final String ID = "01981a2b-3c4d-7e5f-8a9b-0c1d2e3f4a5b";

    @Test
    void shouldTransliterateTheSeedHeadline() {
        assertThat(Slugs.fromHeadline("রাশিয়ার পাশে আছেন কিম জং উন")).isEqualTo("rashiyar-pashe-achhen-kim-jong-un");
    }

    /** The "সর্বশেষ" list of the seed page, in NFC as ingest sees it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            পাকিস্তানেও ‘৫ আগস্ট’ সরকার পতনের পরিকল্পনা করছে পিটিআই? | pakistaneo-5-agosto-sorokar-potoner-porikolpona-korochhe-pitiai
            মিডফোর্ডে সোহাগ হত্যা / গ্রেপ্তার আরও দুই আসামি ৪ দিনের রিমান্ডে | midoforde-sohag-hotya-greptar-aro-dui-asami-4-diner-rimande
            সোহাগ হত্যাকাণ্ড নিয়ে মুখ খুললেন আনসারের ডিজি | sohag-hotyakando-niye-mukh-khulolen-anosarer-diji
            আ.লীগ নেত্রীর বাড়িতে চলছিল গোপন বৈঠক, অতঃপর... | a-lig-netrir-barite-cholochhil-gopon-boithok-otohpor
            পল্লবীতে চাঁদা না দেওয়ায় হামলা-গুলি, গ্রেপ্তার ৩ | pollobite-chada-na-deoyay-hamola-guli-greptar-3
            কুয়েটে যাওয়া প্রসঙ্গে মাহবুবের স্ত্রীর বিস্ফোরক মন্তব্য | kuyete-jaoya-prosongge-mahobuber-strir-bisforok-montobyo
            ৪ পদে নিয়োগ দিচ্ছে ইসলামিক ফাউন্ডেশন | 4-pode-niyog-dichchhe-isolamik-faundeshon
            তত্ত্বাবধায়ক সরকার গঠন নিয়ে আলোচনা শুরু মঙ্গলবার | tottbabodhayok-sorokar-gothon-niye-alochona-shuru-monggolobar
            এক ট্রলারে ধরা পড়ল ৬৫ মণ ইলিশ | ek-trolare-dhora-porol-65-mon-ilish
            আমি রাজনীতি বুঝি না, করতেও চাই না : অপু বিশ্বাস | ami-rajoniti-bujhi-na-koroteo-chai-na-opu-bishbas
            চাতক পাখির মতো জাতি জামায়াতের দিকে তাকিয়ে আছে : গোলাম পরওয়ার | chatok-pakhir-moto-jati-jamayater-dike-takiye-achhe-golam-poroyar
            সাহসী উদ্যোক্তা নুরুল ইসলামের পঞ্চম মৃত্যুবার্ষিকী পালন | sahosi-udyokta-nurul-isolamer-ponchom-mrityubarshiki-palon
            গরমে আরাম দেবে ৭ খাবার | gorome-aram-debe-7-khabar
            হামলার ভয়ে হেলমেটে সিসি ক্যামেরা লাগিয়ে ঘুরছেন যুবক | hamolar-bhoye-helomete-sisi-kyamera-lagiye-ghurochhen-jubok
            ৩০ জুলাইয়ের মধ্যে যৌক্তিক জায়গায় পৌঁছাতে চায় কমিশন : আলী রীয়াজ | 30-julaiyer-modhye-jouktik-jayogay-pouchhate-chay-komishon-ali-riyaj
            জবি শিক্ষার্থীদের ২৪ ঘণ্টার আলটিমেটাম | jobi-shiksharthider-24-ghontar-alotimetam
            হাসিনাসহ ১৬ জনের বিরুদ্ধে ট্রাইব্যুনালে গুমের অভিযোগ বিএনপির | hasinasoh-16-joner-biruddhe-traibyunale-gumer-obhijog-bienopir
            প্রেস অ্যাক্রিডিটেশন কার্ডের জন্য আবেদন আহ্বান | pres-akriditeshon-karder-jonyo-abedon-ahban
            প্যারিসে ‘তালা’ ঝুলালেন মেহজাবীন চৌধুরী | pyarise-tala-jhulalen-mehojabin-choudhuri
            চাকরি দেওয়ার নামে প্রতারণা, পুলিশ পরিচয়ধারী যুবক গ্রেপ্তার | chakori-deoyar-name-protarona-pulish-porichoyodhari-jubok-greptar
            """)
    void shouldTransliterateTheSeedListHeadlines(String headline, String expected) {
        String slug = Slugs.fromHeadline(Normalizer.normalize(headline, Normalizer.Form.NFC));

        assertThat(slug).isEqualTo(expected).matches(Slugs.EDITOR_SLUG);
    }

    @Test
    void shouldReadPrecomposedAndNfcNuktaLettersAlike() {
        String precomposed = "রাশি\u09DFার বা\u09DCি";
        String nfc = Normalizer.normalize(precomposed, Normalizer.Form.NFC);

        assertThat(nfc).isNotEqualTo(precomposed); // য় and ড় are composition exclusions
        assertThat(Slugs.fromHeadline(precomposed)).isEqualTo(Slugs.fromHeadline(nfc)).isEqualTo("rashiyar-bari");
    }

    @Test
    void shouldKeepLatinWordsAndDropAccents() {
        assertThat(Slugs.fromHeadline("BNP-র Café বৈঠক 2025")).isEqualTo("bnp-r-cafe-boithok-2025");
    }

    @Test
    void shouldEndEverySlugWithTheIdsTail() {
        assertThat(Slugs.slugFor(null, "রাশিয়ার পাশে আছেন কিম জং উন", ID))
                .isEqualTo("rashiyar-pashe-achhen-kim-jong-un-2e3f4a5b");
    }

    @Test
    void shouldEndTheSlugForATakenOneWithTheWholeIdWithinTheLimit() {
        assertThat(Slugs.uniqueSlugFor("রাশিয়ার পাশে আছেন কিম জং উন", ID))
                .isEqualTo("rashiyar-pashe-achhen-kim-jong-un-01981a2b3c4d7e5f8a9b0c1d2e3f4a5b");
        String longHeadline = "রাশিয়ার পাশে আছেন কিম জং উন ".repeat(5);
        assertThat(Slugs.uniqueSlugFor(longHeadline, ID)).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
                .startsWith("rashiyar-pashe-achhen-kim-jong-un-").endsWith("-01981a2b3c4d7e5f8a9b0c1d2e3f4a5b");
        assertThat(Slugs.uniqueSlugFor("!!!", ID)).isEqualTo("article-01981a2b3c4d7e5f8a9b0c1d2e3f4a5b");
        assertThat(Slugs.given(null)).isFalse();
        assertThat(Slugs.given("  ")).isFalse();
        assertThat(Slugs.given("kim")).isTrue();
    }

    @Test
    void shouldUseTheEditorsSlugAsGiven() {
        assertThat(Slugs.slugFor("kim-backs-russia", "রাশিয়ার পাশে", ID)).isEqualTo("kim-backs-russia");
    }

    @Test
    void shouldDeriveTheSlugWhenTheEditorGivesNone() {
        assertThat(Slugs.slugFor(" ", "রাশিয়ার পাশে", ID)).isEqualTo("rashiyar-pashe-2e3f4a5b");
        assertThat(Slugs.EDITOR_SLUG.matcher("-kim--russia").matches()).isFalse();
    }

    @Test
    void shouldCutLongSlugsAtAWordBoundary() {
        String headline = "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন";

        String slug = Slugs.slugFor(null, headline, ID);

        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).endsWith("-2e3f4a5b").matches(Slugs.EDITOR_SLUG);
        assertThat(Slugs.fromHeadline(headline)).startsWith(slug.substring(0, slug.length() - "-2e3f4a5b".length()) + "-");
    }

    @Test
    void shouldFallBackToArticleWhenNothingTransliterates() {
        assertThat(Slugs.slugFor(null, "“…” ।", ID)).isEqualTo("article-2e3f4a5b");
    }

    /** The one-loop slug is the general rule's, for every character of the Basic Multilingual Plane in a word. */
    @Test
    void shouldMakeTheSameSlugInOneLoopForEveryCharacter() {
        int byLoop = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            String latin = "Ab" + (char) c + "9z " + (char) c;
            String slug = Slugs.asciiSlug(latin);
            if (slug != null) {
                byLoop++;
                assertThat(slug).as("U+%04X", c).isEqualTo(Slugs.normalizedSlug(latin));
            }
        }
        assertThat(byLoop).as("characters the loop handles itself").isGreaterThan(1_000);
    }

    @Test
    void shouldLeaveAccentsMarksAndOtherScriptsToTheGeneralRule() {
        assertThat(Slugs.asciiSlug("Café")).isNull();
        assertThat(Slugs.asciiSlug("Cafe\u0301")).isNull();
        assertThat(Slugs.asciiSlug("a\uD835\uDC00")).isNull(); // MATHEMATICAL BOLD CAPITAL A
        assertThat(Slugs.fromHeadline("Café Über")).isEqualTo("cafe-uber");
    }

    @Test
    void shouldTakeTransliteratedHeadlinesWithQuotesAndDandasInOneLoop() {
        String latin = BengaliTransliterator.toLatin("পাকিস্তানেও ‘৫ আগস্ট’ সরকার পতনের — পরিকল্পনা। “করছে” পিটিআই?");
        assertThat(Slugs.asciiSlug(latin)).isEqualTo("pakistaneo-5-agosto-sorokar-potoner-porikolpona-korochhe-pitiai");
    }
}
