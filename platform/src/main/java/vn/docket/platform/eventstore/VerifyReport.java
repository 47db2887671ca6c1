package vn.docket.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@link StoreVerifier} found; the field names are part of the HTTP contract of
 * {@code GET /api/audit/verify} and of {@code docket verify}'s output.
 *
 * <ul>
 * <li>how far the walk got: {@code upTo} (the last position that holds anything), {@code eventsChecked},
 * {@code checkpoints} (how many matched)</li>
 * <li>{@code lastCheckpointHash}, only when intact: worth writing down outside Docket, a later walk must
 * reproduce it</li>
 * <li>{@code problemsFound} and {@code problems}: every problem, by position, at most
 * {@value StoreVerifier#MAX_LISTED} listed ({@code capped} says when more were found than listed)</li>
 * <li>{@code position}, {@code assignment}, {@code sequence}, {@code problem}, {@code detail}: the first
 * problem by position, as the report carried it before it listed them all</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyReport(boolean intact, long upTo, long eventsChecked, int checkpoints, String lastCheckpointHash,
                           int problemsFound, boolean capped, List<Problem> problems,
                           Long position, String assignment, Long sequence, String problem, String detail) {

    /** One thing found wrong: {@code assignment} is the aggregate (null for events without one). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(long position, String assignment, Long sequence, String problem, String detail) {

        /** One line a clerk can forward: where, which assignment's event, what. */
        public String sentence() {
            return "Position " + position + (assignment == null ? "" : " (assignment " + assignment + ", sequence "
                    + sequence + ")") + ": " + problem + ": " + detail;
        }
    }

    /** @param problems the listed ones, in position order; {@code problemsFound} may be more */
    static VerifyReport of(long upTo, long eventsChecked, int checkpoints, String lastCheckpointHash, int problemsFound,
                           List<Problem> problems) {
        if (problemsFound == 0) {
            return new VerifyReport(true, upTo, eventsChecked, checkpoints, lastCheckpointHash, 0, false, List.of(),
                    null, null, null, null, null);
        }
        Problem first = problems.get(0);
        return new VerifyReport(false, upTo, eventsChecked, checkpoints, null, problemsFound,
                problemsFound > problems.size(), List.copyOf(problems),
                first.position(), first.assignment(), first.sequence(), first.problem(), first.detail());
    }

    /** This report with further problems found by another check (the anchors), listed after the walk's own. */
    public VerifyReport and(List<Problem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return of(upTo, eventsChecked, checkpoints, lastCheckpointHash, problemsFound + more.size(), all);
    }

    /** One line for people: how far the walk got and whether it found anything. */
    public String sentence() {
        String walked = eventsChecked + " events checked up to position " + upTo + ", " + checkpoints + " checkpoints";
        if (intact) {
            return "Event store intact: " + walked + (lastCheckpointHash == null ? "" : " (last " + lastCheckpointHash + ")");
        }
        return "Event store NOT intact: " + problemsFound + (problemsFound == 1 ? " problem" : " problems") + " found ("
                + walked + ")" + (capped ? "; only the first " + problems.size() + " by position are listed" : "");
    }
}
