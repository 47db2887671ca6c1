package vn.docket.command.notice;

import java.time.LocalDate;
import java.util.UUID;
import vn.docket.events.DecisionRef;

/** Registers a conclusion notice whose read-out a clerk has checked. */
public record RegisterNotice(UUID noticeId, String number, String issuer, String place, LocalDate issuedOn,
                             String issuedMonth, LocalDate meetingOn, String chair, DecisionRef invitation,
                             String signer, String sourceSha256, int items, LocalDate effectiveDate) {
}
