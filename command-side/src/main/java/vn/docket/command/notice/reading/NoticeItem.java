package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.List;
import vn.docket.events.DeliverableKind;
import vn.docket.events.MeetingVerdict;

/**
 * One concluded item. Unit fields hold the directory's canonical name, or the words as written
 * for generic mentions ("các cơ quan liên quan") and for units the directory does not know (those
 * are also listed in {@code unknownUnits}). {@code lead} is the first of {@code leads}.
 * {@code verdict} is null for items that assign a task rather than judge a draft. {@code source}
 * is the item's words as written, for the clerk to check the reading against.
 */
public record NoticeItem(
        int ordinal,
        DeliverableKind kind,
        String title,
        String presentedBy,
        MeetingVerdict verdict,
        List<String> requirements,
        String lead,
        List<String> leads,
        List<String> coordinators,
        List<Contribution> contributions,
        LocalDate deadline,
        String deadlineText,
        List<String> submitTo,
        List<String> unknownUnits,
        String source) {
    public NoticeItem {
        requirements = List.copyOf(requirements);
        leads = List.copyOf(leads);
        coordinators = List.copyOf(coordinators);
        contributions = List.copyOf(contributions);
        submitTo = List.copyOf(submitTo);
        unknownUnits = List.copyOf(unknownUnits);
    }
}
