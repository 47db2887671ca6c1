package vn.docket.command.notice.reading;

/** The chair's conclusion on a presented draft. */
public enum Verdict { APPROVED_IN_PRINCIPLE, REVISION_REQUIRED }
