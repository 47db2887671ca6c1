package vn.docket.command.extension;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A leader's answer to the pending extension request. Approving may grant a different date than asked
 * ({@code newDeadline}; null grants the date asked for); rejecting needs a reason.
 */
public record DecideExtension(@TargetAggregateIdentifier UUID assignmentId, Boolean approve, LocalDate newDeadline,
                              String reason, LocalDate effectiveDate) {
}
