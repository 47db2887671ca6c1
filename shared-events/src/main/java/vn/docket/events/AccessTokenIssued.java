package vn.docket.events;

import org.axonframework.serialization.Revision;

/** A personal access token was issued; only its id and label are recorded, never the token or its hash. */
@Revision("1")
public record AccessTokenIssued(String userId, String tokenId, String label) implements UserEvent {
}
