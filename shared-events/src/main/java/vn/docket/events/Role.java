package vn.docket.events;

/** What a person does in the process; see README "Roles". */
public enum Role {
    CLERK, UNIT_STAFF, UNIT_HEAD, VICE_CHAIR, CHAIR, AUDITOR, ADMIN, SYSTEM;

    public boolean isLeader() {
        return this == VICE_CHAIR || this == CHAIR;
    }
}
