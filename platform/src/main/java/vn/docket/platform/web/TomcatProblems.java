package vn.docket.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests before Docket sees them (a path with {@code %00} or bytes that are not UTF-8
 * once decoded) and would answer with its own HTML page. Those answers are problem details too, naming the
 * rule as Docket's own answers do.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReport.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as RFC 9457 problem details instead of an HTML page. */
    public static class ProblemReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String rule = ErrorPath.rule(status);
            String detail = ErrorPath.detail(status);
            String body = "{\"type\":\"urn:docket:problem:" + rule + "\",\"title\":\""
                    + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response already started: nothing more can be said.
            }
        }
    }
}
