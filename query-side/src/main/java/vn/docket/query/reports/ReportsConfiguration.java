package vn.docket.query.reports;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReportSettings.class, TimelinessSettings.class})
class ReportsConfiguration {
}
