package vn.docket.command.notice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.docket.command.assignment.Authority;
import vn.docket.events.EventMetadata;
import vn.docket.events.NoticeRegistered;
import vn.docket.platform.refusal.RuleBroken;

/** A registered conclusion notice. Its items live on as assignments that cite it. */
@Aggregate(repository = "noticeRepository", commandTargetResolver = "commandTargetResolver")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Notice {

    @AggregateIdentifier
    private UUID id;

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

    @EventSourcingHandler
    void on(NoticeRegistered e) {
        id = e.noticeId();
    }
}
