package news.prokash.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A parameter Tomcat cannot decode (invalid UTF-8 such as an encoded surrogate, a broken %-escape) is
 * dropped silently, so the request would seem to lack it; this answers 400 {@code invalid-request}
 * instead. Registered (first of all filters) where {@code prokash.web.strict-query} is true.
 */
public final class StrictQueryFilter extends OncePerRequestFilter {

    private final ProblemTypeBase types;

    public StrictQueryFilter(ProblemTypeBase types) {
        this.types = types;
    }

    /** The filter, first of all. */
    public static FilterRegistrationBean<StrictQueryFilter> registration(ProblemTypeBase types) {
        FilterRegistrationBean<StrictQueryFilter> registration = new FilterRegistrationBean<>(new StrictQueryFilter(types));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !decodes(query)) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemErrorReports.json(types.of("invalid-request").toString(), 400,
                    "The query string is not valid percent-encoded UTF-8."));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a raw query string is well-formed %-escapes of valid UTF-8 (no replacement characters). */
    static boolean decodes(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
                        || !HexFormat.isHexDigit(query.charAt(i + 2))) {
                    return false;
                }
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            }
            else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }
}
