package news.prokash.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem details for the errors Spring MVC's handlers never see: what Tomcat refuses before any
 * servlet runs (a CR, NUL or non-ASCII byte where HTTP forbids it, an encoded slash, a request line or
 * headers over the limit: Tomcat's error page would be HTML, with stack traces by default), and what is
 * sent to the error path ({@code response.sendError}, an exception out of a filter: Boot's error
 * controller would answer its own JSON, repeating the path). Typed under the service's
 * {@link ProblemTypeBase}; nothing of the request is echoed.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemErrorReports {

    static final String CLIENT_DETAIL = "The request could not be read: its request line, path or headers are malformed or too large.";

    static final String SERVER_DETAIL = "Something went wrong on our side.";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after Boot's customizer, whose context customizer adds its own valve
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve(ProblemTypeBase types) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // by this name the host finds its error valve present and adds no default one
            host.setErrorReportValveClass(ProblemValve.class.getName());
            host.getPipeline().addValve(new ProblemValve(types));
        });
    }

    /** Services whose APIs read the query set {@code prokash.web.strict-query: true}. */
    @Bean
    @ConditionalOnBooleanProperty("prokash.web.strict-query")
    FilterRegistrationBean<StrictQueryFilter> strictQueryFilter(ProblemTypeBase types) {
        return StrictQueryFilter.registration(types);
    }

    /** A problem document of fixed texts (no escaping needed: nothing comes from the request). */
    static String json(String type, int status, String detail) {
        return "{\"type\":\"" + type + "\",\"title\":\"" + ProblemTypeBase.title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }

    /** Tomcat's own refusals: a fixed problem per status. A 400 here is a request that is not valid HTTP. */
    static final class ProblemValve extends ErrorReportValve {

        private final ProblemTypeBase types;

        ProblemValve(ProblemTypeBase types) {
            this.types = types;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return; // not an error, or the application already wrote its problem
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String type = status == 400 ? types.of("malformed-request").toString() : types.forStatus(status).toString();
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json(type, status, status >= 500 ? SERVER_DETAIL : CLIENT_DETAIL));
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more to say
            }
        }
    }

    /**
     * Whatever reaches the error path is answered as a problem. Written as bytes with its content type
     * set, so whatever the request's Accept says, the answer is this problem. A member class of this
     * configuration, so registered with it (before Boot's error configuration looks for one).
     */
    @RestController
    static class ProblemErrorController implements ErrorController {

        private final ProblemTypeBase types;

        ProblemErrorController(ProblemTypeBase types) {
            this.types = types;
        }

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<byte[]> error(HttpServletRequest request) {
            // no error status at all: a client asked for /error itself, which serves nothing (not a failure of ours)
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code == null ? 404 : code instanceof Integer number && number >= 400 ? number : 500;
            String detail = status == 404 ? "Nothing is served at this path."
                    : status >= 500 ? SERVER_DETAIL : "The request could not be answered as sent.";
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json(types.forStatus(status).toString(), status, detail).getBytes(StandardCharsets.UTF_8));
        }
    }
}
