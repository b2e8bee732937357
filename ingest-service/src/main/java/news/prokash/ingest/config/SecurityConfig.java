package news.prokash.ingest.config;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.prokash.ingest.article.ProblemTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editors authenticate with RS256 JWT bearer tokens. The verification key is Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} (a PEM public key) or
 * {@code jwk-set-uri}; there is no default, and without one the service does not start. The token's
 * {@code roles} claim ({@code ["editor"]}, {@code ["editor", "admin"]}) becomes {@code ROLE_EDITOR},
 * {@code ROLE_ADMIN}: editors create, update and unpublish, admins also delete. Health, info,
 * Prometheus and the OpenAPI description stay open. 401 and 403 are problem details too.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, OAuth2ResourceServerProperties resourceServer,
            ObjectProvider<JwtDecoder> decoders, JsonMapper json, Clock clock) throws Exception {
        requireVerificationKey(resourceServer, decoders);
        VerifiedTokens verifiedTokens = new VerifiedTokens(decoders.getObject(), clock);
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            bearer.commence(request, response, e); // status and WWW-Authenticate
            problem(json, request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Send a valid bearer token: Authorization: Bearer <JWT>.");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            bearerDenied.handle(request, response, e);
            problem(json, request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your token's roles do not allow this.");
        };
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/error") // Boot's error page renders problems of requests already authorized
                        .permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/articles/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/articles", "/api/v1/articles/**").hasAnyRole("EDITOR", "ADMIN")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.decoder(verifiedTokens).jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * No observation (metrics, spans) per security filter, authentication and authorization: wrapping each of
     * the chain's filters in one was about a tenth of a single create's CPU (JFR, README). The request's own
     * {@code http.server.requests} observation stays, and a 401 or 403 shows there with its status.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's default firewall, with its header rules checked by loops rather than regular
     * expressions ({@link HeaderCharacters}).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    /**
     * The firewall's refusals (an encoded dot, slash or semicolon in the path, a control character in a
     * header) as problems, instead of a sendError that Boot's error page renders echoing the path.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, e) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), rejected());
        };
    }

    /** The answer to a request the firewall refused; it repeats none of the request. */
    public static ProblemDetail rejected() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The path or a header holds characters this API does not accept.");
        problem.setType(URI.create(ProblemTypes.BASE + "invalid-request"));
        problem.setTitle("Invalid request");
        return problem;
    }

    /** A clear message instead of a missing-bean stack trace, and never a built-in key. */
    static void requireVerificationKey(OAuth2ResourceServerProperties properties,
            ObjectProvider<JwtDecoder> decoders) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        if (jwt.getPublicKeyLocation() == null && jwt.getJwkSetUri() == null && jwt.getIssuerUri() == null
                && decoders.getIfAvailable() == null) {
            throw new IllegalStateException("ingest-service needs the key that verifies editors' tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.public-key-location (e.g. file:/path/public.pem, "
                    + "an RSA public key in PEM) or spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        }
    }

    /** {@code roles: ["editor", "admin"]} → ROLE_EDITOR, ROLE_ADMIN; anything else in the claim is ignored. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        if (jwt.getClaims().get(ROLES_CLAIM) instanceof Collection<?> roles) {
            for (Object role : roles) {
                if (role instanceof String name && List.of("editor", "admin").contains(name)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + name.toUpperCase(Locale.ROOT)));
                }
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
            HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemTypes.BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
