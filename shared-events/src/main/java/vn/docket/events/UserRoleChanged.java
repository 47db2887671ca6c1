package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A user was given another role. */
@Revision("1")
public record UserRoleChanged(String userId, Role from, Role to) implements UserEvent {
}
