package vn.docket.command.notice;

import java.time.LocalDate;
import java.util.List;
import vn.docket.events.DeliverableKind;
import vn.docket.events.MeetingVerdict;

/**
 * A notice's read-out as the clerk confirms it: the preview's JSON, possibly corrected. Same field names
 * as the preview (and the hand-made answers in ../shared/notices); every list may be missing.
 */
public record NoticeReadOut(Facts notice, List<Item> items, String sourceSha256) {

    public record Facts(String number, String issuer, String place, LocalDate issuedOn, String issuedMonth,
                        LocalDate meetingOn, String chair, Invitation invitation, String signer) {
    }

    public record Invitation(String number, LocalDate date) {
    }

    public record Item(Integer ordinal, DeliverableKind kind, String title, String presentedBy, MeetingVerdict verdict,
                       List<String> requirements, String lead, List<String> leads, List<String> coordinators,
                       List<Contribution> contributions, LocalDate deadline, String deadlineText, List<String> submitTo) {
    }

    public record Contribution(List<String> units, String deliverTo, LocalDate deadline, String deadlineText) {
    }
}
