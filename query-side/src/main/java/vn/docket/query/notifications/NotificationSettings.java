package vn.docket.query.notifications;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.events.Role;

/**
 * Who gets Docket's e-mails. Mail goes out only when an SMTP server is configured ({@code spring.mail.host});
 * the in-app list works without one.
 *
 * @param from       the sender address
 * @param recipients e-mail addresses by unit (staff of a lead unit) or by role (leaders, clerks)
 */
@ConfigurationProperties(prefix = "docket.notifications")
public record NotificationSettings(String from, List<Recipient> recipients) {

    public NotificationSettings {
        from = from == null || from.isBlank() ? "docket@localhost" : from;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** One address, for a unit or for everyone in a role. */
    public record Recipient(String unit, Role role, String email) {
    }

    List<String> addressesFor(List<String> audience) {
        return recipients.stream()
                .filter(r -> r.email() != null
                        && ((r.unit() != null && audience.contains(Audience.unit(r.unit())))
                        || (r.role() != null && audience.contains(Audience.role(r.role())))))
                .map(Recipient::email).distinct().toList();
    }
}
