package vn.docket.events;

/** What a person does in the process; see README "Roles". */
public enum Role {
    CLERK, UNIT_STAFF, UNIT_HEAD, VICE_CHAIR, CHAIR, AUDITOR, ADMIN, SYSTEM;

    /** Unit staff and heads work for one unit: they see and act on their unit's assignments only. */
    public boolean isUnitMember() {
        return this == UNIT_STAFF || this == UNIT_HEAD;
    }

    /**
     * Acts for a unit (clerks for the office, staff and heads for their own): a person of this role without a unit
     * could not have what they do attributed, so neither an account nor a sign-in token may leave it out.
     */
    public boolean actsForUnit() {
        return this == CLERK || isUnitMember();
    }

    public boolean isLeader() {
        return this == VICE_CHAIR || this == CHAIR;
    }

    /** Auditors check the record; admins and the office's clerks keep it, so they may check it too (verify the store). */
    public boolean mayVerify() {
        return this == AUDITOR || this == ADMIN || this == CLERK;
    }
}
