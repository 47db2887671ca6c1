package vn.docket.command.notice.reading;

import java.util.List;
import vn.docket.events.NoticeParticulars;

/**
 * What the reader got out of one conclusion notice. It is a preview for a clerk to check, not a
 * verdict: every field the reader was unsure of is listed in {@code warnings}.
 */
public record NoticeReading(NoticeParticulars notice, List<NoticeItem> items, List<ReadingWarning> warnings) {
    public NoticeReading {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
