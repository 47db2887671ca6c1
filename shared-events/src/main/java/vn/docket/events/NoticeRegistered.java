package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A clerk registered a conclusion notice: its particulars as checked in the preview, the SHA-256 of the file it was
 * read from and how many items it has. Revision 2: the particulars, flat in revision 1, are one {@code notice}
 * part, the shape the reader and the clerk's confirmation share; revision-1 events are read through
 * {@link vn.docket.events.upcasting.Upcasters}.
 */
@Revision("2")
public record NoticeRegistered(
        UUID noticeId,
        NoticeParticulars notice,
        String sourceSha256,
        int items,
        LocalDate effectiveDate) implements NoticeEvent {
}
