package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A user now acts for another unit (null: none). */
@Revision("1")
public record UserUnitChanged(String userId, String from, String to) implements UserEvent {
}
