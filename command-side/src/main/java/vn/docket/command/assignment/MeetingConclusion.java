package vn.docket.command.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.docket.command.assignment.AssignmentCommands.RecordMeetingConclusion;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DecisionRef;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/**
 * What the chair concluded at the meeting about the draft the unit presented there, as the conclusion notice
 * states it: a verdict, the notice cited, and for a revision the things to revise. The presented draft is the
 * assignment's version 1, and the conclusion is its first judgement.
 */
record MeetingConclusion(String presenter, MeetingVerdict verdict, List<String> requirements, String chair,
                         DecisionRef notice) {

    static MeetingConclusion of(RecordMeetingConclusion cmd) {
        Required.value(cmd.verdict(), "verdict-required",
                "Say what the chair concluded: APPROVED_IN_PRINCIPLE or REVISION_REQUIRED.");
        if (cmd.notice() == null || cmd.notice().date() == null) {
            throw new RuleBroken("notice-required", "A meeting's conclusion is recorded citing its notice (number and date).");
        }
        List<String> requirements = Text.clean(cmd.requirements());
        if (cmd.verdict() == MeetingVerdict.REVISION_REQUIRED && requirements.isEmpty()) {
            throw new RuleBroken("requirements-required", "A revision required at the meeting needs the things to revise.");
        }
        return new MeetingConclusion(Text.clean(cmd.presentedBy()), cmd.verdict(), requirements, Text.clean(cmd.chair()),
                cmd.notice());
    }

    /** The draft presented at the meeting held {@code on}, then the conclusion on it. */
    List<AssignmentEvent> recorded(UUID id, LocalDate on) {
        return List.of(new DraftSubmitted(id, 1, "Dự thảo trình tại cuộc họp ngày " + Text.date(on), null, null,
                        presenter == null ? null : presenter + " trình", on),
                new MeetingConcluded(id, 1, verdict, requirements, chair, notice, on));
    }
}
