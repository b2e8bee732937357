package news.prokash.ingest.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The tokens this service verified in the last minute, so that an editor's tool (or a wire importer)
 * sending the same token with every request has its RS256 signature checked once a minute, not per
 * request: the check was about an eighth of a single create's CPU (JFR, README).
 *
 * <p>Only the exact token string that passed every check of the {@code verifier} is remembered; one
 * that fails is checked again each time, as without this. A remembered token is accepted until its
 * {@code exp} at the latest (stricter than the verifier's clock skew), and for at most {@link #KEPT}
 * after it was verified, so a key taken out of the JWK set stops being accepted within that time.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration KEPT = Duration.ofMinutes(1);

    /** Editors and importers hold a few hundred tokens at a time; each entry is about 2 KB. */
    static final int MAX_TOKENS = 1_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder verifier;

    private final Clock clock;

    // also expires by Caffeine's own ticker: the memory goes back even when the clock is a test's
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterWrite(KEPT)
            .build();

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified hit = verified.getIfPresent(token);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.jwt();
        }
        Jwt jwt = verifier.decode(token); // throws for a bad signature, an expired token, a wrong algorithm
        Instant until = now.plus(KEPT);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }
}
