package vn.docket.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.docket.events.AccessDenied;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.platform.security.CurrentActor;

/** Every refusal of a signed-in user becomes an {@link AccessDenied} event in the audit trail. */
@Component
public class DenialRecorder {

    private static final Logger log = LoggerFactory.getLogger(DenialRecorder.class);
    private static final Pattern ASSIGNMENT = Pattern.compile("/api/assignments/([0-9a-fA-F-]{36})(/|$)");

    private final EventGateway events;
    private final Clock clock;

    public DenialRecorder(EventGateway events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(HttpServletRequest request, String rule, String reason) {
        Actor actor;
        try {
            actor = CurrentActor.get();
        } catch (IllegalStateException notSignedIn) {
            return; // a 401 is not a person's attempt
        }
        Matcher m = ASSIGNMENT.matcher(request.getRequestURI());
        UUID assignment = m.find() ? UUID.fromString(m.group(1)) : null;
        try {
            events.publish(GenericEventMessage.asEventMessage(new AccessDenied(request.getMethod(),
                            request.getRequestURI(), rule, reason, assignment, LocalDate.now(clock)))
                    .andMetaData(EventMetadata.of(actor, UUID.randomUUID().toString())));
        } catch (RuntimeException e) {
            // The refusal itself stands; only its record failed. Say so for IT.
            log.warn("Could not record that {} was refused {} {}: {}", actor.id(), request.getMethod(),
                    request.getRequestURI(), e.getMessage());
        }
    }
}
