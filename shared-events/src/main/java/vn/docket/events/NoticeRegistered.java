package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A clerk registered a conclusion notice: its particulars as checked in the preview, and the SHA-256 of
 * the file it was read from. {@code issuedMonth} ("yyyy-MM") stands in for a draft notice's blank day.
 */
@Revision("1")
public record NoticeRegistered(
        UUID noticeId,
        String number,
        String issuer,
        String place,
        LocalDate issuedOn,
        String issuedMonth,
        LocalDate meetingOn,
        String chair,
        DecisionRef invitation,
        String signer,
        String sourceSha256,
        int items,
        LocalDate effectiveDate) implements NoticeEvent {
}
