package vn.docket.events;

/**
 * Everything that can happen to a person's authority in Docket: who they are, what they may do, how they
 * sign in. Recorded in the same chained store as the assignments, so the audit log and verify cover them;
 * who did it travels in the metadata ({@link EventMetadata}) as on every event. No event carries a secret:
 * neither a password (nor its hash) nor a token (nor its hash); see docs/identity.md.
 */
public sealed interface UserEvent
        permits UserRegistered, UserRoleChanged, UserUnitChanged, ApprovalLevelGranted, ApprovalLevelWithdrawn,
                UserDisabled, UserEnabled, PasswordReset, AccessTokenIssued, AccessTokenRevoked {

    String userId();
}
