package vn.docket.platform.web;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A date in a query parameter ({@code deadlineFrom}, {@code from}, ...) is read as in a JSON body: ISO
 * {@code 2021-04-25} within the {@link DateWindow}. Registered after Spring's own reader, so it takes its place.
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
    }
}
