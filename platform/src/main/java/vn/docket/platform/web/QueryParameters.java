package vn.docket.platform.web;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Numbers and dates in query parameters and paths are read as strictly as in a JSON body: a number is
 * decimal digits (Spring's own reader takes {@code 0x10} and reads {@code 010} as 8, a silent wrong page),
 * a date is ISO {@code 2021-04-25} within the {@link DateWindow}. Registered after Spring's readers, so
 * they take their place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DateWindow.class)
class QueryParameters implements WebMvcConfigurer {

    private final DateWindow window;

    QueryParameters(DateWindow window) {
        this.window = window;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class,
                text -> text.isBlank() ? null : window.check("the date", LocalDate.parse(text.strip())));
        registry.addConverter(String.class, Integer.class,
                text -> text.isBlank() ? null : Integer.valueOf(text.strip(), 10));
    }
}
