package vn.docket.events.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/** Every upcaster, oldest first; the event store reads stored events through all of them. */
public final class Upcasters {

    private Upcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new TaskAssignedToRevision2(), new RevisionRequestedToRevision2(), new DraftSubmittedToRevision2(),
                new DocumentIssuedToRevision2());
    }
}
