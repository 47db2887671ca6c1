package vn.docket.command.draftfiles;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring resolves one multipart form, the notice to read. A draft's file and the issued document's are read from the
 * request as they arrive by {@link DraftFiles#receive}, which Tomcat would otherwise have parsed and spooled to disk
 * before the handler ran; a form sent to an address that takes JSON is refused 415 unread, where Tomcat parsed it first
 * (up to max-request-size, spooled to disk, sent chunked past the 1 MB a command may take).
 */
@Configuration(proxyBeanMethods = false)
class StreamedForms {

    @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return super.isMultipart(request) && "POST".equals(request.getMethod())
                        && "/api/notices/preview".equals(request.getRequestURI());
            }
        };
    }
}
