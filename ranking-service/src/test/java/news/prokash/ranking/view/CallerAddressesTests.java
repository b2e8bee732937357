package news.prokash.ranking.view;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallerAddressesTests {

    private final CallerAddresses callers = new CallerAddresses(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @Test
    void shouldIgnoreForwardedForFromAnUntrustedPeer() {
        assertThat(callers.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(callers.of("203.0.113.7", null)).isEqualTo("203.0.113.7");
        assertThat(callers.of("10.0.0.5x", "198.51.100.1")).isEqualTo("10.0.0.5x");
    }

    @Test
    void shouldBelieveATrustedProxyUpToTheFirstUntrustedHop() {
        assertThat(callers.of("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        // the client wrote the first entry itself: only what our proxies appended counts
        assertThat(callers.of("10.1.2.3", "1.1.1.1, 198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
        assertThat(callers.of("192.0.2.10", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(callers.of("fd00::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    }

    @Test
    void shouldTreatJunkInForwardedForAsTheTrustedPeersOwnCaller() {
        assertThat(callers.of("10.1.2.3", "evil.example.com")).isEqualTo("10.1.2.3");
        assertThat(callers.of("10.1.2.3", "<script>, 10.2.2.2")).isEqualTo("10.1.2.3");
        assertThat(callers.of("10.1.2.3", "\u0000")).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldLimitNoAddressWhenATrustedEdgeSendsViewsOfManyReaders() {
        assertThat(callers.of("10.1.2.3", null)).isNull();
        assertThat(callers.of("10.1.2.3", "10.4.4.4")).isNull();
    }

    @Test
    void shouldNotTrustNeighboursOfATrustedBlock() {
        assertThat(callers.of("11.0.0.1", "198.51.100.1")).isEqualTo("11.0.0.1");
        assertThat(callers.of("192.0.2.11", "198.51.100.1")).isEqualTo("192.0.2.11");
    }

    @Test
    void shouldRefuseAConfigurationThatIsNoAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CallerAddresses(List.of("proxy.internal")));
        assertThatIllegalArgumentException().isThrownBy(() -> new CallerAddresses(List.of("10.0.0.0/33")));
    }
}
