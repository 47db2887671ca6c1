package vn.docket.command.notice.reading;

import java.time.LocalDate;

/**
 * The notice's own particulars (serialised as "notice"). {@code issuedMonth} ("yyyy-MM") is set
 * only when a draft notice leaves the day blank ("ngày   tháng 11 năm 2020").
 */
public record NoticeFacts(
        String number,
        String issuer,
        String place,
        LocalDate issuedOn,
        String issuedMonth,
        LocalDate meetingOn,
        String chair,
        Invitation invitation,
        String signer) {
}
