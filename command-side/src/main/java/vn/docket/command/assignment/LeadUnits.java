package vn.docket.command.assignment;

import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;

/** Which unit leads an assignment now: a contribution is taken in by the lead of the assignment it feeds. */
class LeadUnits {

    private final EventStore events;

    LeadUnits(EventStore events) {
        this.events = events;
    }

    /** The lead unit as assigned and reassigned since; null for an assignment that does not exist. */
    String of(UUID assignment) {
        String lead = null;
        // From the first event, never a snapshot (which readEvents(id) would start with): the lead is in the events.
        for (Object payload : events.readEvents(assignment.toString(), 0).asStream().map(m -> m.getPayload()).toList()) {
            if (payload instanceof TaskAssigned assigned) {
                lead = assigned.leadUnit();
            } else if (payload instanceof TaskReassigned reassigned) {
                lead = reassigned.newLeadUnit();
            }
        }
        return lead;
    }
}
