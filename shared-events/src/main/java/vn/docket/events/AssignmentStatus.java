package vn.docket.events;

/** Where an assignment stands; the names are part of the HTTP contract. */
public enum AssignmentStatus {
    ASSIGNED, DRAFT_SUBMITTED, REVISION_REQUESTED, APPROVED, ISSUED, CANCELLED;

    /** Final approval was given: the unit's work is done. */
    public boolean isDone() {
        return this == APPROVED || this == ISSUED;
    }

    /** The unit holds the work: from assignment, or from a revision request, until its next draft. */
    public boolean isWithUnit() {
        return this == ASSIGNED || this == REVISION_REQUESTED;
    }

    public boolean isOpen() {
        return this == ASSIGNED || this == DRAFT_SUBMITTED || this == REVISION_REQUESTED;
    }
}
