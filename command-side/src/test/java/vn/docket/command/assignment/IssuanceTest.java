package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.docket.command.assignment.AssignmentTest.CHAIR;
import static vn.docket.command.assignment.AssignmentTest.CLERK;
import static vn.docket.command.assignment.AssignmentTest.ID;
import static vn.docket.command.assignment.AssignmentTest.LEADERS;
import static vn.docket.command.assignment.AssignmentTest.MEETING;
import static vn.docket.command.assignment.AssignmentTest.TCKH_STAFF;
import static vn.docket.command.assignment.AssignmentTest.assigned;
import static vn.docket.command.assignment.AssignmentTest.by;
import static vn.docket.command.assignment.AssignmentTest.draft;
import static vn.docket.command.assignment.AssignmentTest.stored;
import static vn.docket.command.assignment.Refusal.assertRefused;
import static vn.docket.command.assignment.Refusal.refused;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.testing.MutableClock;

/** The issuance of the approved plan; approved on 26/4/2021, today is 30/4/2021. */
class IssuanceTest {

    static final LocalDate APPROVED = LocalDate.of(2021, 4, 26);

    @Test
    void the_document_is_issued_with_its_number_on_the_day_given() {
        assertThat(Issuance.issued(ID, new Issue(ID, " 95/KH-UBND ", APPROVED), APPROVED))
                .isEqualTo(new DocumentIssued(ID, "95/KH-UBND", APPROVED));
    }

    @Test
    void a_document_is_not_issued_before_its_approval() {
        assertRefused(() -> Issuance.issued(ID, new Issue(ID, "95/KH-UBND", APPROVED.minusDays(1)), APPROVED),
                RuleBroken.class, "issued-before-approval");
    }

    /** The clerk's page says the day in its own words: the refusal carries it beside its English message. */
    @Test
    void a_document_refused_for_its_date_names_the_day_of_the_approval() {
        assertThatThrownBy(() -> Issuance.issued(ID, new Issue(ID, "95/KH-UBND", APPROVED.minusDays(1)), APPROVED))
                .isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.facts()).containsEntry("approvedOn", "2021-04-26"));
    }

    /** Also the last recorded step, the approval is what the clerk is told of, not the order of steps in general. */
    @Test
    void the_assignment_refuses_an_issuance_dated_before_the_approval_naming_the_approval() {
        FixtureConfiguration<Assignment> fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(new MutableClock(LocalDate.of(2021, 4, 30)));
        fixture.given(stored(assigned(List.of(LEADERS)), 0, CLERK), stored(draft(1, MEETING), 1, TCKH_STAFF),
                        stored(new DraftApproved(ID, 1, LEADERS, true, null, null, APPROVED), 2, CHAIR))
                .when(new Issue(ID, "95/KH-UBND", APPROVED.minusDays(1)), by(CLERK))
                .expectException(refused(RuleBroken.class, "issued-before-approval"))
                .expectExceptionMessage("The document cannot be issued before it was approved (26/4/2021).")
                .expectNoEvents();
    }
}
