package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A level granted to a user was taken back. */
@Revision("1")
public record ApprovalLevelWithdrawn(String userId, String level) implements UserEvent {
}
