package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A person became a Docket user; {@code origin} says how: admin, command-line, configuration, demo or users-collection. */
@Revision("1")
public record UserRegistered(String userId, String name, String unit, Role role, String origin) implements UserEvent {
}
