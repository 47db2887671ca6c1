package vn.docket.command.notice;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a notice registered without a number the number of its signed copy, and that copy's date if it brings one. */
public record NumberNotice(@TargetAggregateIdentifier UUID noticeId, String number, LocalDate issuedOn) {
}
