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
            throw new StateConflict("notice-already-numbered", "This notice already has its number (" + number + ").");
        }
        String given = number(cmd.number());
        if (cmd.issuedOn() != null && meetingOn != null && cmd.issuedOn().isBefore(meetingOn)) {
            throw new RuleBroken("notice-issued-before-meeting", "The notice's issue date (issuedOn) is before its"
                    + " meeting.");
        }
        apply(new NoticeNumbered(id, given, cmd.issuedOn()));
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
}
