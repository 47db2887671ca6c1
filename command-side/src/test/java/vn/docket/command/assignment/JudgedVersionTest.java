package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import vn.docket.platform.refusal.PreconditionFailed;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The draft version a leader's decision names: {@code draftVersion} in the body or {@code If-Match} carrying the
 * detail's ETag ("2"). A request naming two versions, or an If-Match that is no single draft version, judges
 * nothing: it is refused before the assignment is asked.
 */
class JudgedVersionTest {

    @Test
    void an_if_match_naming_the_detail_etag_judges_that_version() {
        assertThat(AssignmentCommandController.judged(null, "\"2\"")).isEqualTo(2);
        assertThat(AssignmentCommandController.judged(null, null)).isNull();
    }

    /** RFC 9110 compares If-Match strongly: a weak tag matches no version, not even the one it names. */
    @Test
    void a_weak_if_match_never_matches_so_the_precondition_fails() {
        PreconditionFailed refused = catchThrowableOfType(() -> AssignmentCommandController.judged(null, "W/\"2\""),
                PreconditionFailed.class);
        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo("if-match-weak");
        assertThat(refused.getMessage()).contains("\"2\"");
        assertThat(catchThrowableOfType(() -> AssignmentCommandController.judged(2, " W/\"2\" "), PreconditionFailed.class))
                .isNotNull();
    }

    @Test
    void a_body_and_an_if_match_naming_the_same_version_judge_it() {
        assertThat(AssignmentCommandController.judged(2, "\"2\"")).isEqualTo(2);
    }

    @Test
    void a_body_and_an_if_match_naming_different_versions_are_refused_as_a_mismatch() {
        RuleBroken refused = catchThrowableOfType(() -> AssignmentCommandController.judged(2, "\"1\""), RuleBroken.class);
        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo("draft-version-mismatch");
        assertThat(refused.getMessage()).contains("v2").contains("v1");
    }

    @Test
    void if_match_star_asks_for_no_particular_version_as_http_defines_it() {
        assertThat(AssignmentCommandController.judged(null, "*")).isNull();
        assertThat(AssignmentCommandController.judged(3, "*")).isEqualTo(3);
    }

    @Test
    void an_if_match_of_two_tags_run_together_is_refused_rather_than_read_as_another_version() {
        RuleBroken refused = catchThrowableOfType(() -> AssignmentCommandController.judged(null, "\"1\"\"2\""),
                RuleBroken.class);
        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo("if-match-format");
    }

    @Test
    void an_if_match_listing_several_versions_is_refused() {
        RuleBroken refused = catchThrowableOfType(() -> AssignmentCommandController.judged(null, "\"1\", \"2\""),
                RuleBroken.class);
        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo("if-match-format");
    }
}
