package vn.docket.command.deadlines;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Đôn đốc by hand: a clerk chases the lead unit, with an optional note. */
public record SendReminder(@TargetAggregateIdentifier UUID assignmentId, String note) {
}
