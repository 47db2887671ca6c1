package vn.docket.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@link StoreVerifier} found; the field names are part of the HTTP contract of
 * {@code GET /api/audit/verify} and of {@code docket verify}'s output.
 *
 * <ul>
 * <li>intact: {@code upTo} (the last position that holds anything), {@code checkpoints} (how many were
 * checked), {@code lastCheckpointHash} (worth writing down outside Docket: a later walk must reproduce it)</li>
 * <li>not intact: the first problem by position, with {@code assignment} (the aggregate, null for events
 * without one), {@code sequence}, {@code problem} and {@code detail}</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyReport(boolean intact, Long upTo, Integer checkpoints, String lastCheckpointHash,
                           Long position, String assignment, Long sequence, String problem, String detail) {

    static VerifyReport intact(long upTo, int checkpoints, String lastCheckpointHash) {
        return new VerifyReport(true, upTo, checkpoints, lastCheckpointHash, null, null, null, null, null);
    }

    static VerifyReport problem(long position, String assignment, Long sequence, String problem, String detail) {
        return new VerifyReport(false, null, null, null, position, assignment, sequence, problem, detail);
    }

    /** One line for people: "intact up to position N" or the problem. */
    public String sentence() {
        if (intact) {
            return "Event store intact up to position " + upTo + " (" + checkpoints + " checkpoints"
                    + (lastCheckpointHash == null ? "" : ", last " + lastCheckpointHash) + ")";
        }
        return "Event store NOT intact: " + problem + " at position " + position
                + (assignment == null ? "" : ", assignment " + assignment + " sequence " + sequence) + ": " + detail;
    }
}
