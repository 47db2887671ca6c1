package vn.docket.command.notice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.docket.command.assignment.Authority;
import vn.docket.command.assignment.Required;
import vn.docket.events.EventMetadata;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.NoticeRegistered;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/** A registered conclusion notice. Its items live on as assignments that cite it. */
@Aggregate(repository = "noticeRepository", commandTargetResolver = "commandTargetResolver")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Notice {

    @AggregateIdentifier
    private UUID id;
    /** Its number, as registered or given later; null while the notice has none. */
    private String number;
    private LocalDate meetingOn;

    Notice() {
    }

    @CommandHandler
    Notice(RegisterNotice cmd, MetaData metaData) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "register notices");
        if (cmd.items() < 1) {
            throw new RuleBroken("notice-without-items", "A notice is registered with at least one item.");
        }
        apply(new NoticeRegistered(cmd.noticeId(), cmd.notice(), cmd.sourceSha256(), cmd.items(), cmd.effectiveDate()));
    }

    /**
     * The signed copy of a notice registered without a number brings its number, and its date: that date replaces the
     * month the draft gave, so only the meeting bounds it. NoticeRegistrar claimed the number among the notices' keys.
     */
    @CommandHandler
    void handle(NumberNotice cmd, MetaData metaData) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "number notices");
        if (number != null) {
            throw new StateConflict("notice-already-numbered", "This notice already has its number (" + number + "); a"
                    + " number recorded wrongly is corrected with a reason (POST /api/notices/{id}/number-correction).");
        }
        String given = number(cmd.number());
        if (cmd.issuedOn() != null && meetingOn != null && cmd.issuedOn().isBefore(meetingOn)) {
            throw new RuleBroken("notice-issued-before-meeting", "The notice's issue date (issuedOn) is before its"
                    + " meeting.");
        }
        apply(new NoticeNumbered(id, given, cmd.issuedOn()));
    }

    /**
     * A number recorded wrong (a typo, or the number of another notice) is corrected, with the reason, which stays in
     * the log beside the old number. Answers the old number, whose key NoticeRegistrar then gives back.
     */
    @CommandHandler
    String handle(CorrectNoticeNumber cmd, MetaData metaData) {
        Authority.requireClerk(EventMetadata.actorFrom(metaData), "correct notice numbers");
        if (number == null) {
            throw new StateConflict("notice-not-numbered", "This notice has no number yet: give it one (POST"
                    + " /api/notices/{id}/number) rather than correct it.");
        }
        String given = number(cmd.number());
        if (given.equals(number)) {
            throw new RuleBroken("notice-number-unchanged", "The notice already has the number " + number + ".");
        }
        String reason = Required.text(cmd.reason(), "correction-reason-required", "Say why the number is corrected.");
        if (cmd.issuedOn() != null && meetingOn != null && cmd.issuedOn().isBefore(meetingOn)) {
            throw new RuleBroken("notice-issued-before-meeting", "The notice's issue date (issuedOn) is before its"
                    + " meeting.");
        }
        String previous = number;
        apply(new NoticeNumberCorrected(id, previous, given, cmd.issuedOn(), reason)); // sets number at once
        return previous;
    }

    /** The number typed for a signed notice, cleaned; NoticeRegistrar asks first, to claim it among the notices' keys. */
    static String number(String typed) {
        return Required.text(typed, "notice-number-required", "Give the number of the signed notice.");
    }

    @EventSourcingHandler
    void on(NoticeRegistered e) {
        id = e.noticeId();
        number = e.notice().number();
        meetingOn = e.notice().meetingOn();
    }

    @EventSourcingHandler
    void on(NoticeNumbered e) {
        number = e.number();
    }

    @EventSourcingHandler
    void on(NoticeNumberCorrected e) {
        number = e.number();
    }
}
