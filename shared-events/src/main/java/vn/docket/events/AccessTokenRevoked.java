package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A personal access token was revoked and is refused from now on. */
@Revision("1")
public record AccessTokenRevoked(String userId, String tokenId) implements UserEvent {
}
