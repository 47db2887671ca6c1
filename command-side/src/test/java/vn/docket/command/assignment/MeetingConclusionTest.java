package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.MEETING;
import static vn.docket.command.assignment.Refusal.assertRefused;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docket.command.assignment.AssignmentCommands.RecordMeetingConclusion;
import vn.docket.events.DecisionRef;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.platform.refusal.RuleBroken;

/** The chair's conclusion on the draft presented at the meeting of 13/4/2021, as notice 311/TB-UBND states it. */
class MeetingConclusionTest {

    static final DecisionRef NOTICE = new DecisionRef("311/TB-UBND", MEETING);
    static final String PRESENTER = "Phòng Tài chính - Kế hoạch";

    static RecordMeetingConclusion concluded(MeetingVerdict verdict, List<String> requirements, DecisionRef notice) {
        return new RecordMeetingConclusion(ID, PRESENTER, verdict, requirements, "Chủ tịch", notice, MEETING);
    }

    @Test
    void the_presented_draft_is_version_one_and_the_conclusion_its_first_judgement() {
        String decomposed = Normalizer.normalize(" Chỉnh sửa bố cục gồm 04 mục chính ", Normalizer.Form.NFD);
        assertThat(MeetingConclusion.of(concluded(MeetingVerdict.REVISION_REQUIRED, List.of(decomposed, " "), NOTICE))
                .recorded(ID, MEETING)).containsExactly(
                new DraftSubmitted(ID, 1, "Dự thảo trình tại cuộc họp ngày 13/4/2021", null, null,
                        PRESENTER + " trình", MEETING),
                new MeetingConcluded(ID, 1, MeetingVerdict.REVISION_REQUIRED, List.of("Chỉnh sửa bố cục gồm 04 mục chính"),
                        "Chủ tịch", NOTICE, MEETING));
    }

    @Test
    void a_draft_presented_by_nobody_named_carries_no_note() {
        RecordMeetingConclusion unnamed = new RecordMeetingConclusion(ID, " ", MeetingVerdict.APPROVED_IN_PRINCIPLE,
                List.of(), null, NOTICE, MEETING);
        assertThat(MeetingConclusion.of(unnamed).recorded(ID, MEETING).get(0))
                .isEqualTo(new DraftSubmitted(ID, 1, "Dự thảo trình tại cuộc họp ngày 13/4/2021", null, null, null, MEETING));
    }

    @Test
    void a_conclusion_says_what_the_chair_concluded() {
        assertRefused(() -> MeetingConclusion.of(concluded(null, List.of(), NOTICE)), RuleBroken.class, "verdict-required");
    }

    @Test
    void a_conclusion_cites_its_notice_with_a_date() {
        assertRefused(() -> MeetingConclusion.of(concluded(MeetingVerdict.APPROVED_IN_PRINCIPLE, List.of(), null)),
                RuleBroken.class, "notice-required");
        assertRefused(() -> MeetingConclusion.of(concluded(MeetingVerdict.APPROVED_IN_PRINCIPLE, List.of(),
                new DecisionRef("311/TB-UBND", null))), RuleBroken.class, "notice-required");
    }

    @Test
    void a_revision_required_at_the_meeting_names_the_things_to_revise_an_approval_in_principle_need_not() {
        assertRefused(() -> MeetingConclusion.of(concluded(MeetingVerdict.REVISION_REQUIRED, List.of(" "), NOTICE)),
                RuleBroken.class, "requirements-required");
        assertThat(MeetingConclusion.of(concluded(MeetingVerdict.APPROVED_IN_PRINCIPLE, null, NOTICE)).requirements())
                .isEmpty();
    }
}
