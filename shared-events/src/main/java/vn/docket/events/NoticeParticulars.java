package vn.docket.events;

import java.time.LocalDate;

/**
 * A conclusion notice's own particulars, as its header and closing give them: the reader's read-out, the clerk's
 * corrected copy and the registered event all carry this one shape. {@code issuedMonth} ("yyyy-MM") is set only
 * when a draft notice leaves the day blank ("ngày   tháng 11 năm 2020"); {@code invitation} is the meeting's
 * invitation it refers to ("Giấy mời số 147/GM-UBND ngày 08/4/2021").
 */
public record NoticeParticulars(
        String number,
        String issuer,
        String place,
        LocalDate issuedOn,
        String issuedMonth,
        LocalDate meetingOn,
        String chair,
        DecisionRef invitation,
        String signer) {
}
