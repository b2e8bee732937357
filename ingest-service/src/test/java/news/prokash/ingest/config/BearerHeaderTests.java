package news.prokash.ingest.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path answers what Spring Security's own resolver answers, errors included. */
class BearerHeaderTests {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlZGl0b3IifQ.c2lnbmF0dXJl-_~+/";

    private final BearerTokenResolver fast = new BearerHeader();

    private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Test
    void shouldAnswerEveryAuthorizationHeaderAsSpringSecuritysResolverDoes() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT,
                "Bearer " + JWT + "==", "Bearer " + JWT + "=", "Bearer a", "Bearer =", "Bearer ", "Bearer",
                "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "\n", "Bearer " + JWT + "=x",
                "Bearer a.b,c", "Bearer \u0995", "Bearer a\u0000", "Bearerx " + JWT, "Basic dXNlcjpwYXNz",
                "Token " + JWT, "", " Bearer " + JWT, "Bearer\t" + JWT, "Bearer " + "a".repeat(5_000)));
        for (int c = 0; c < 0x180; c++) {
            headers.add("Bearer x" + (char) c + "y"); // each character inside a token
        }
        for (String header : headers) {
            assertSameAnswer(header, r -> r.addHeader("Authorization", header));
        }
        assertSameAnswer("no header", r -> {
        });
    }

    @Test
    void shouldLeaveTokensInParametersToSpringSecuritysResolver() {
        // a second token in the query string is an error there; a form body is its business too
        assertSameAnswer("header and query token", r -> {
            r.setMethod("GET");
            r.setQueryString("access_token=" + JWT);
            r.addParameter("access_token", JWT);
            r.addHeader("Authorization", "Bearer " + JWT);
        });
        assertSameAnswer("header and form token", r -> {
            r.setMethod("POST");
            r.setContentType("application/x-www-form-urlencoded");
            r.addParameter("access_token", JWT);
            r.addHeader("Authorization", "Bearer " + JWT);
        });
    }

    private void assertSameAnswer(String what, Consumer<MockHttpServletRequest> request) {
        MockHttpServletRequest one = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.accept(one);
        MockHttpServletRequest two = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.accept(two);
        assertThat(answer(fast, one)).as(what).isEqualTo(answer(standard, two));
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + Objects.toString(resolver.resolve(request));
        }
        catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
