package vn.docket.query.revisioncycles;

import static vn.docket.query.support.ReadModels.iso;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.ReadModels;

/**
 * Per assignment: each revision round with the day it was requested and the day the revised draft came
 * back, so that the statistics can show rounds and turnaround per unit and kind.
 */
@Component
@ProcessingGroup(RevisionCycleProjection.NAME)
class RevisionCycleProjection {

    static final String NAME = "revision-cycles";
    static final String COLLECTION = "revision_cycles";

    private final MongoCollection<Document> cycles;

    RevisionCycleProjection(MongoDatabase database) {
        this.cycles = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(TaskAssigned e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            doc.put("title", e.title());
            doc.put("unit", e.leadUnit());
            doc.put("kind", e.kind().name());
            doc.put("rounds", new ArrayList<Document>());
        });
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> doc.put("unit", e.newLeadUnit()));
    }

    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> rounds = new ArrayList<>(doc.getList("rounds", Document.class));
            rounds.add(new Document("version", e.version()).append("requestedOn", iso(e.effectiveDate()))
                    .append("resubmittedOn", null));
            doc.put("rounds", rounds);
        });
    }

    /** A revision required at the meeting is the plan's first round; an approval in principle is not a round. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
                List<Document> rounds = new ArrayList<>(doc.getList("rounds", Document.class));
                rounds.add(new Document("version", e.version()).append("requestedOn", iso(e.effectiveDate()))
                        .append("resubmittedOn", null));
                doc.put("rounds", rounds);
            }
        });
    }

    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        ReadModels.apply(cycles, e.assignmentId().toString(), seq, doc -> {
            List<Document> rounds = doc.getList("rounds", Document.class);
            if (!rounds.isEmpty() && rounds.get(rounds.size() - 1).get("resubmittedOn") == null) {
                rounds.get(rounds.size() - 1).put("resubmittedOn", iso(e.effectiveDate()));
            }
        });
    }

    @ResetHandler
    void reset() {
        cycles.drop();
    }
}
