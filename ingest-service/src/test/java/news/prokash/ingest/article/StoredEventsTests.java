package news.prokash.ingest.article;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredEventsTests {

    private static final byte[] EVENT = ("{\"schemaVersion\":1,\"type\":\"ArticlePublished\",\"bodyText\":\""
            + "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে বৈঠক করেছেন। ".repeat(40)
            + "\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldGiveBackTheSameBytes() {
        byte[] stored = StoredEvents.pack(EVENT);

        assertThat(stored[0]).isEqualTo((byte) 1);
        assertThat(stored.length).isLessThan(EVENT.length / 2);
        assertThat(StoredEvents.unpack(stored)).isEqualTo(EVENT);
        assertThat(StoredEvents.unpack(StoredEvents.pack(new byte[0]))).isEmpty();
    }

    /** Rows written before the service compressed them hold the event itself, which starts with '{'. */
    @Test
    void shouldReadAnEventStoredBeforeCompressionAsItIs() {
        assertThat(StoredEvents.unpack(EVENT)).isSameAs(EVENT);
    }

    @Test
    void shouldRefuseADamagedRowRatherThanStartFromIt() {
        byte[] stored = StoredEvents.pack(EVENT);

        assertThatThrownBy(() -> StoredEvents.unpack(Arrays.copyOf(stored, stored.length - 10)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StoredEvents.unpack(Arrays.copyOf(stored, 3))).isInstanceOf(IllegalStateException.class);
        byte[] longer = stored.clone();
        longer[1] = 0x7F; // claims about 2 GB
        assertThatThrownBy(() -> StoredEvents.unpack(longer)).isInstanceOf(IllegalStateException.class);
        byte[] shorter = stored.clone();
        shorter[3] = 0; // claims fewer bytes than the block holds
        assertThatThrownBy(() -> StoredEvents.unpack(shorter)).isInstanceOf(IllegalStateException.class);
    }
}
