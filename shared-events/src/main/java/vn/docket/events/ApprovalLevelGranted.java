package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A user may now approve at this level of an approval route, whatever their role allows. */
@Revision("1")
public record ApprovalLevelGranted(String userId, String level) implements UserEvent {
}
