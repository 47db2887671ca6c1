package vn.docket.query.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code docket.timeliness.against}: {@code extended} (the default) or {@code original}. */
@ConfigurationProperties(prefix = "docket.timeliness")
public record TimelinessSettings(TimelinessRule against) {

    public TimelinessSettings {
        against = against == null ? TimelinessRule.EXTENDED : against;
    }
}
