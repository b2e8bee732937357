package news.prokash.ingest.config;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import news.prokash.harness.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The real RS256 verifier behind the cache, with a clock the test moves and no clock skew. */
class VerifiedTokensTests {

    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

    private static final KeyPair KEYS = rsaKeys();

    private final MovableClock clock = new MovableClock(T0);

    private final AtomicInteger verifications = new AtomicInteger();

    private final VerifiedTokens tokens = new VerifiedTokens(verifier(KEYS), clock);

    @Test
    void shouldCheckAResentTokenOnceAMinute() {
        String token = token(KEYS, T0.plus(Duration.ofHours(1)));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("desk-editor");
        clock.set(T0.plusSeconds(59));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("desk-editor");
        assertThat(verifications).hasValue(1);

        clock.set(T0.plus(VerifiedTokens.KEPT));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("desk-editor");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldRefuseARememberedTokenOnceItHasExpired() {
        String token = token(KEYS, T0.plusSeconds(20));
        tokens.decode(token);

        clock.set(T0.plusSeconds(21));

        assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode(token))
                .withMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldCheckEveryTokenThatFailsAgain() {
        tokens.decode(token(KEYS, T0.plus(Duration.ofHours(1))));
        String forged = token(rsaKeys(), T0.plus(Duration.ofHours(1))); // the same claims, another key

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.decode(forged));
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void shouldNotAcceptAnAlteredCopyOfARememberedToken() {
        String token = token(KEYS, T0.plus(Duration.ofHours(1)));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String otherClaims = token(KEYS, T0.plus(Duration.ofHours(2))).split("\\.")[1];

        assertThatExceptionOfType(JwtException.class)
                .isThrownBy(() -> tokens.decode(parts[0] + "." + otherClaims + "." + parts[2]));
    }

    private JwtDecoder verifier(KeyPair keys) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static String token(KeyPair keys, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("desk-editor").issueTime(Date.from(T0))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        }
        catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
