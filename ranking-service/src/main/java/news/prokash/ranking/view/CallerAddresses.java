package news.prokash.ranking.view;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import news.prokash.ranking.config.RankingProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whose views a request carries, for the rate limiter. {@code X-Forwarded-For} is believed only from
 * {@code prokash.ranking.rate-limit.trusted-proxies}: anyone else could write any address there. The
 * service does not set {@code server.forward-headers-strategy}, because nothing but the limiter uses
 * the address, and the limiter must know whether the peer itself was trusted.
 */
@Component
class CallerAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Block> trusted;

    @Autowired
    CallerAddresses(RankingProperties properties) {
        this(properties.rateLimit().trustedProxies());
    }

    CallerAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Block::parse).toList();
    }

    /**
     * @return the address to limit: the peer's, unless the peer is a trusted proxy; then the nearest
     *         untrusted address in {@code X-Forwarded-For}, or null if it names none (the edge sent views
     *         of many readers: each is limited by its visitor id)
     */
    @Nullable String of(HttpServletRequest request) {
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
        return of(request.getRemoteAddr(), forwarded.isEmpty() ? null : String.join(",", forwarded));
    }

    @Nullable String of(String peer, @Nullable String forwardedFor) {
        byte[] peerBytes = literal(peer);
        if (peerBytes == null || !isTrusted(peerBytes)) {
            return peer;
        }
        if (forwardedFor == null) {
            return null;
        }
        // right to left: the entries a trusted proxy appended, until the first one no trusted proxy wrote
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            byte[] bytes = literal(hop);
            if (bytes == null) {
                // not an address: whoever wrote it is not a proxy of ours, so the hop before it is the caller
                return peer;
            }
            if (!isTrusted(bytes)) {
                return hop;
            }
        }
        return null;
    }

    private boolean isTrusted(byte[] address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An IP literal's bytes, never a DNS lookup; null for anything else. */
    private static byte @Nullable [] literal(String text) {
        if (!IPV4.matcher(text).matches() && !(text.contains(":") && IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        }
        catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: {@code 10.0.0.0/8}, {@code ::1/128} or a single address. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text.strip() : text.substring(0, slash).strip();
            byte[] network = literal(address);
            if (network == null) {
                throw new IllegalArgumentException("prokash.ranking.rate-limit.trusted-proxies: not an address: " + text);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1).strip());
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prokash.ranking.rate-limit.trusted-proxies: bad prefix: " + text);
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
