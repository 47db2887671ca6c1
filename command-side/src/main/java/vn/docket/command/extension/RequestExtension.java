package vn.docket.command.extension;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit asks for a later deadline (gia hạn), with its reason. */
public record RequestExtension(@TargetAggregateIdentifier UUID assignmentId, LocalDate newDeadline, String reason,
                               LocalDate effectiveDate) {
}
