package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A user can no longer sign in; what they did stays on record under their name. */
@Revision("1")
public record UserDisabled(String userId) implements UserEvent {
}
