package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A clerk corrected the number a notice was recorded under ({@code previousNumber}, a typo, or a number given to the
 * wrong notice) to the one its signed copy bears, with that copy's date if it differs ({@code issuedOn}, null when the
 * recorded date stands), and why. Its assignments cite the notice by its id, so they follow it; what was recorded
 * under the old number stays in the log.
 */
@Revision("1")
public record NoticeNumberCorrected(UUID noticeId, String previousNumber, String number, LocalDate issuedOn, String reason)
        implements NoticeEvent {
}
