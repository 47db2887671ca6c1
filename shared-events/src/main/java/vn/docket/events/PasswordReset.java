package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A new password was set. The hash is kept with the user, never in the event. */
@Revision("1")
public record PasswordReset(String userId) implements UserEvent {
}
