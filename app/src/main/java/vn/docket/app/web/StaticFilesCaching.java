package vn.docket.app.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The web app's scripts and styles (about 200 KB on every page) are kept by the browser and asked for again with
 * their ETag, a hash of their content: unchanged, the answer is a 304 without a body (Cache-Control no-cache,
 * spring.web.resources.cache in application.yml). A hash, not the file's date, because a jar's dates say when it was
 * built: a rollback to an older Docket would otherwise leave the newer scripts in the browser. API answers are not
 * touched; Spring Security keeps them out of any cache.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> staticFilesEtag() {
        ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
        // Weak: the same content crosses compressed or not (Tomcat does not compress an answer with a strong ETag).
        etags.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
        registration.addUrlPatterns("/js/*", "/css/*", "/favicon.svg");
        return registration;
    }
}
