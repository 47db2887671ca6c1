package vn.docket.command.notice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import vn.docket.command.notice.reading.NoticeReading;
import vn.docket.events.DeliverableKind;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NoticeParticulars;

/**
 * A notice's read-out as the clerk confirms it: the preview's JSON, possibly corrected. The notice's particulars
 * are the preview's own record; the items have the preview's field names (and the hand-made answers' in
 * ../shared/notices), but every list may be missing and the ordinal may be left out, which the reader's items never do.
 */
// What the preview says for the clerk to read, sent back with it, is not a field mistyped.
@JsonIgnoreProperties({"warnings", "registeredBefore"})
public record NoticeReadOut(NoticeParticulars notice, List<Item> items, String sourceSha256) {

    /** The preview confirmed as the reader read it, as a clerk who changes nothing confirms it. */
    public static NoticeReadOut asRead(NoticeReading reading, String sourceSha256) {
        return new NoticeReadOut(reading.notice(), reading.items().stream().map(i -> new Item(i.ordinal(),
                i.kind(), i.title(), i.presentedBy(), i.verdict(), i.requirements(), i.lead(),
                i.leads(), i.coordinators(), i.contributions().stream().map(c -> new Contribution(c.units(),
                        c.deliverTo(), c.deadline(), c.deadlineText())).toList(), i.deadline(), i.deadlineText(),
                i.submitTo(), List.of(), List.of(), List.of())).toList(), sourceSha256);
    }

    /**
     * minRequirements: the hand-made answers' least count of requirements, a measure of the reader, not a field.
     * keptLeads: the leads no unit of the directory has that the clerk keeps knowingly (none read; the clerk ticks them).
     * keptContributors: the same for the units of the item's contributions; keptCoordinators for its coordinating units.
     */
    @JsonIgnoreProperties({"unknownUnits", "source", "minRequirements"})
    public record Item(Integer ordinal, DeliverableKind kind, String title, String presentedBy, MeetingVerdict verdict,
                       List<String> requirements, String lead, List<String> leads, List<String> coordinators,
                       List<Contribution> contributions, LocalDate deadline, String deadlineText, List<String> submitTo,
                       List<String> keptLeads, List<String> keptContributors, List<String> keptCoordinators) {
    }

    public record Contribution(List<String> units, String deliverTo, LocalDate deadline, String deadlineText) {
    }
}
