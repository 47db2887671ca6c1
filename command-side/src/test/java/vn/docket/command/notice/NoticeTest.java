package vn.docket.command.notice;

import static vn.docket.command.assignment.Refusal.refused;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.docket.events.Actor;
import vn.docket.events.DecisionRef;
import vn.docket.events.EventMetadata;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.Role;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/** Registering a notice records its particulars as the clerk confirmed them, once, by a clerk. */
class NoticeTest {

    static final UUID ID = UUID.randomUUID();
    static final NoticeParticulars FACTS = new NoticeParticulars("311/TB-UBND", "UBND thành phố Hà Tĩnh", "Hà Tĩnh",
            LocalDate.of(2021, 4, 12), null, LocalDate.of(2021, 4, 9), "Nguyễn Văn A",
            new DecisionRef("147/GM-UBND", LocalDate.of(2021, 4, 8)), "Trần Văn B");
    static final String SHA = "ab".repeat(32);

    FixtureConfiguration<Notice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notice.class);
    }

    static MetaData by(Role role) {
        return MetaData.from(EventMetadata.of(new Actor("lan", "Nguyễn Thị Lan", null, role), "command-1"));
    }

    @Test
    void a_clerk_registering_a_notice_records_its_particulars_and_the_invitation_it_cites() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNotice(ID, FACTS, SHA, 4, LocalDate.of(2021, 4, 9)), by(Role.CLERK))
                .expectEvents(new NoticeRegistered(ID, new NoticeParticulars("311/TB-UBND", "UBND thành phố Hà Tĩnh", "Hà Tĩnh",
                        LocalDate.of(2021, 4, 12), null, LocalDate.of(2021, 4, 9), "Nguyễn Văn A",
                        new DecisionRef("147/GM-UBND", LocalDate.of(2021, 4, 8)), "Trần Văn B"), SHA, 4,
                        LocalDate.of(2021, 4, 9)));
    }

    @Test
    void a_notice_without_items_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNotice(ID, FACTS, SHA, 0, LocalDate.of(2021, 4, 9)), by(Role.CLERK))
                .expectException(refused(RuleBroken.class, "notice-without-items")).expectNoEvents();
    }

    @Test
    void a_clerk_corrects_a_number_recorded_wrongly_with_the_reason_and_gets_the_old_number_back() {
        fixture.given(registered())
                .when(new CorrectNoticeNumber(ID, " 313/TB-UBND ", LocalDate.of(2021, 4, 13), "Gõ nhầm số"), by(Role.CLERK))
                .expectEvents(new NoticeNumberCorrected(ID, "311/TB-UBND", "313/TB-UBND", LocalDate.of(2021, 4, 13),
                        "Gõ nhầm số"))
                .expectResultMessagePayload("311/TB-UBND");
    }

    @Test
    void a_number_corrected_once_is_the_one_a_second_correction_starts_from() {
        fixture.given(registered(), new NoticeNumberCorrected(ID, "311/TB-UBND", "313/TB-UBND", null, "Gõ nhầm số"))
                .when(new CorrectNoticeNumber(ID, "313/TB-UBND", null, "Lại nhầm"), by(Role.CLERK))
                .expectException(refused(RuleBroken.class, "notice-number-unchanged")).expectNoEvents();
    }

    @Test
    void a_correction_without_a_reason_or_of_a_notice_with_no_number_yet_is_refused() {
        fixture.given(registered())
                .when(new CorrectNoticeNumber(ID, "313/TB-UBND", null, "  "), by(Role.CLERK))
                .expectException(refused(RuleBroken.class, "correction-reason-required")).expectNoEvents();
        NoticeParticulars draft = new NoticeParticulars(null, FACTS.issuer(), FACTS.place(), null, null, FACTS.meetingOn(),
                FACTS.chair(), FACTS.invitation(), FACTS.signer());
        fixture.given(new NoticeRegistered(ID, draft, SHA, 4, LocalDate.of(2021, 4, 9)))
                .when(new CorrectNoticeNumber(ID, "313/TB-UBND", null, "Gõ nhầm số"), by(Role.CLERK))
                .expectException(refused(StateConflict.class, "notice-not-numbered")).expectNoEvents();
    }

    @Test
    void unit_staff_may_not_correct_a_notices_number() {
        fixture.given(registered())
                .when(new CorrectNoticeNumber(ID, "313/TB-UBND", null, "Gõ nhầm số"), by(Role.UNIT_STAFF))
                .expectException(refused(NotAllowed.class, "clerks-only")).expectNoEvents();
    }

    private static NoticeRegistered registered() {
        return new NoticeRegistered(ID, FACTS, SHA, 4, LocalDate.of(2021, 4, 9));
    }

    @Test
    void unit_staff_may_not_register_a_notice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNotice(ID, FACTS, SHA, 4, LocalDate.of(2021, 4, 9)), by(Role.UNIT_STAFF))
                .expectException(refused(NotAllowed.class, "clerks-only"))
                .expectExceptionMessage("Only the office's clerks may register notices.").expectNoEvents();
    }
}
