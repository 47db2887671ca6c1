package vn.docket.events;

/** What a person does in the process; see README "Roles". */
public enum Role {
    CLERK, UNIT_STAFF, UNIT_HEAD, VICE_CHAIR, CHAIR, AUDITOR, ADMIN, SYSTEM;

    /** Unit staff and heads work for one unit: they see and act on their unit's assignments only. */
    public boolean isUnitMember() {
        return this == UNIT_STAFF || this == UNIT_HEAD;
    }

    public boolean isLeader() {
        return this == VICE_CHAIR || this == CHAIR;
    }
}
