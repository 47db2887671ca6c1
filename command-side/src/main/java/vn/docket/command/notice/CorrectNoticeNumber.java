package vn.docket.command.notice;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects the number a notice was recorded under, and its date if the signed copy's differs; answers the old number. */
public record CorrectNoticeNumber(@TargetAggregateIdentifier UUID noticeId, String number, LocalDate issuedOn, String reason) {
}
