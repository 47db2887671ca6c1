package vn.docket.command.draftfiles;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring resolves every multipart form (the notice to read, for one) except a draft's file and the issued document's:
 * {@link DraftFiles#receive} reads those from the request as they arrive, which Tomcat would otherwise have parsed and
 * spooled to disk before the handler ran.
 */
@Configuration(proxyBeanMethods = false)
class StreamedForms {

    @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return super.isMultipart(request) && !streamed(request);
            }
        };
    }

    static boolean streamed(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return "POST".equals(request.getMethod()) && uri.startsWith("/api/assignments/")
                && (uri.endsWith("/drafts") || uri.endsWith("/issuance"));
    }
}
