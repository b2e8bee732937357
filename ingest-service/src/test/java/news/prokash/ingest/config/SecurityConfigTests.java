package news.prokash.ingest.config;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecurityConfigTests {

    @Test
    void shouldRefuseToStartWithoutAVerificationKey() {
        var decoders = new StaticListableBeanFactory().getBeanProvider(JwtDecoder.class);

        assertThatIllegalStateException()
                .isThrownBy(() -> SecurityConfig.requireVerificationKey(new OAuth2ResourceServerProperties(), decoders))
                .withMessageContaining("spring.security.oauth2.resourceserver.jwt.public-key-location")
                .withMessageContaining("jwk-set-uri");
    }

    @Test
    void shouldMapTheRolesClaimToUppercaseRoles() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("local-admin")
                .claim("roles", List.of("editor", "admin", "superuser")).issuedAt(Instant.now()).build();

        assertThat(SecurityConfig.authentication(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_EDITOR", "ROLE_ADMIN");
    }

    @Test
    void shouldGrantNothingWithoutARolesArray() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").claim("roles", "admin").build();

        assertThat(SecurityConfig.authentication(jwt).getAuthorities()).isEmpty();
    }
}
