package news.prokash.ingest.config;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * Requests Tomcat refuses before any filter runs (a CR, NUL or non-ASCII byte where HTTP forbids it, an
 * encoded slash or backslash in the path, a request line or headers over the limit) were answered with
 * Tomcat's HTML error page. This valve answers them as problem details like every other error, naming
 * neither the server nor the parser's reason.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblemErrors {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after Boot's customizer, whose context customizer adds its own valve
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // by this name the host finds its error valve present and adds no default one (which shows stack traces)
            host.setErrorReportValveClass(ProblemValve.class.getName());
            host.getPipeline().addValve(new ProblemValve());
        });
    }

    static final class ProblemValve extends ErrorReportValve {

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
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String type = switch (status) {
                case 400 -> "invalid-request";
                case 413 -> "body-too-large";
                case 414 -> "uri-too-long";
                case 431 -> "headers-too-large";
                default -> status >= 500 ? "internal-error" : "http-" + status;
            };
            String detail = status >= 500 ? "The request could not be answered; the error has been logged."
                    : "The request could not be read: its request line, path or headers are malformed or too large.";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"https://prokash.example/problems/" + type + "\",\"title\":\"" + title
                            + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more to say
            }
        }
    }
}
