package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A clerk gave a notice registered without a number (a draft notice, "Số:    /TB-UBND") the number its signed copy
 * bears, and that copy's date ({@code issuedOn}, null when the registered date stands). Its assignments cite the
 * notice by its id, so they follow it.
 */
@Revision("1")
public record NoticeNumbered(UUID noticeId, String number, LocalDate issuedOn) implements NoticeEvent {
}
