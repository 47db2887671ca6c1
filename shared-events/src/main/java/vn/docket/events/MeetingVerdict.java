package vn.docket.events;

/** The chair's conclusion on a draft presented at a meeting. */
public enum MeetingVerdict {
    /** "cơ bản nhất trí": agreed in principle; the unit finalises it under the stated conditions. */
    APPROVED_IN_PRINCIPLE,
    /** "yêu cầu chỉnh sửa": the draft must be revised; a revision round. */
    REVISION_REQUIRED
}
