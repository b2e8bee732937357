package news.prokash.search.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.io.Writer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Problem details for the errors Spring MVC's handlers never see: what Tomcat refuses before any
 * servlet runs (a CR in a header, a bad request line or URI: Tomcat's error page would be HTML), and
 * what is sent to the error path ({@code response.sendError}, an exception out of a filter: Boot's
 * error controller would answer its own JSON).
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReports {

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 404, "Not found", 405,
            "Method not allowed", 408, "Request timeout", 413, "Body too large", 414, "URI too long", 431,
            "Request header fields too large", 505, "HTTP version not supported");

    /** Replaces the host's error report valve (Boot adds one too) after Boot's customizer ran. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    // the host adds a default valve (with exception reports) at start unless one of this class is there
                    ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemReportValve());
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        }
        return new Customizer();
    }

    /**
     * A parameter Tomcat cannot decode (invalid UTF-8 such as an encoded surrogate, a broken %-escape)
     * is dropped silently, so the request would seem to lack it; this answers 400 instead.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> strictQueryFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String query = request.getQueryString();
                if (query != null && !decodes(query)) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write(json(400, "invalid-request", "The query string is not valid percent-encoded UTF-8."));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
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

    static String json(int status, String slug, String detail) {
        String title = TITLES.getOrDefault(status, status >= 500 ? "Server error" : "Client error");
        return "{\"type\":\"" + ProblemDetailsAdvice.PROBLEMS + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }

    /** Tomcat's own refusals: a fixed JSON text per status, nothing of the request echoed. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json(status, slug(status), status >= 500 ? "Something went wrong on our side."
                            : "The request could not be read as HTTP."));
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // the client is gone or the answer has begun: nothing more to say
            }
        }
    }

    /** Whatever reaches the error path is answered as a problem (never the request's own words). */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                    ? "Something went wrong on our side." : "The request cannot be answered.");
            problem.setTitle(status.getReasonPhrase());
            problem.setType(URI.create(ProblemDetailsAdvice.PROBLEMS + ProblemDetailsAdvice.slug(status)));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
