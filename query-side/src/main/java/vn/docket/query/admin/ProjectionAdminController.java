package vn.docket.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.AssignmentIndex;

/** Where each projection stands, and rebuilding one from the event store. */
@RestController
@Tag(name = "Administration")
class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    /** The head of the store when a rebuild started: the rebuild is done once every segment covers it. */
    private final Map<String, TrackingToken> rebuildTargets = new ConcurrentHashMap<>();

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp, String error) {
    }

    record ProjectionStatus(String name, boolean running, boolean caughtUp, boolean rebuilding, Double rebuildProgress,
                            List<SegmentStatus> segments) {
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Each projection's position, whether it has caught up, and rebuild progress")
    List<ProjectionStatus> projections() {
        requireAdmin();
        TrackingToken head = eventStore.createHeadToken();
        List<ProjectionStatus> result = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !AssignmentIndex.NAME.equals(name)) {
                result.add(status(name, streaming, head));
            }
        });
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(summary = "Drop a projection's read model and replay it from the event store")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        requireAdmin();
        // The assignment index is no read model to rebuild: it lives in memory and is read anew at every start.
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .filter(p -> !AssignmentIndex.NAME.equals(name))
                .orElseThrow(() -> new NotFound("No projection named '" + name + "'."));
        TrackingToken head = eventStore.createHeadToken();
        // Not Axon's isReplaying(): it stays on after a replay until the next new event, and refused a second
        // rebuild of a projection long caught up.
        if (status(name, processor, head).rebuilding()
                || processor.processingStatus().values().stream().anyMatch(RebuildsHealthIndicator::rebuilding)) {
            throw new StateConflict("rebuild-running", "The projection '" + name + "' is already being rebuilt.");
        }
        log.info("Rebuilding the projection '{}' from the event store, requested by {}", name, CurrentActor.get().id());
        processor.shutDown();
        // Asked first and plainly, rather than read from the reset's refusal, which has more than one cause (below).
        requireNoOtherNode(name);
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            // A node that took a segment meanwhile, or the token store refusing to store a position equal to the
            // one it holds within the same millisecond: the notifications start at the head, and one caught up
            // has nothing to reset (a 409 one time in a few, with no other node).
            requireNoOtherNode(name);
            log.debug("Projection '{}': nothing to reset ({})", name, e.getMessage());
        }
        // The replay hands every event to the projection again, the parked ones included.
        processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        rebuildTargets.put(name, head);
        processor.start();
        return ResponseEntity.accepted().body(status(name, processor, head));
    }

    /** Refuses, and starts this node's processor again, when another node holds a segment of the projection. */
    private void requireNoOtherNode(String name) {
        TokenStore tokens = processing.tokenStore(name);
        if (tokens.fetchAvailableSegments(name).size() < tokens.fetchSegments(name).length) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
            throw new StateConflict("rebuild-on-other-nodes", "Other Docket nodes are working on the projection '"
                    + name + "'; rebuild it while they are stopped.");
        }
    }

    private static void requireAdmin() {
        CurrentActor.admin("see or rebuild projections");
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, TrackingToken head) {
        List<SegmentStatus> segments = new ArrayList<>();
        boolean allCaughtUp = true;
        Double progress = null;
        TrackingToken target = rebuildTargets.get(name);
        for (EventTrackerStatus s : processor.processingStatus().values()) {
            TrackingToken token = s.getTrackingToken();
            boolean caughtUp = token != null && (head == null || token.covers(head));
            allCaughtUp &= caughtUp;
            Long position = s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null;
            segments.add(new SegmentStatus(s.getSegment().getSegmentId(), position, RebuildsHealthIndicator.rebuilding(s),
                    caughtUp, s.isErrorState() ? "stopped on an error; see the log" : null));
            if (target != null && position != null && target.position().isPresent() && target.position().getAsLong() > 0) {
                double p = Math.min(1.0, (double) position / target.position().getAsLong());
                progress = progress == null ? p : Math.min(progress, p);
            }
        }
        // No segment yet is a processor just restarted for the rebuild, before it claimed one: not yet caught up. Taken
        // as caught up, the rebuild was forgotten at once and the System page never showed it nor its progress.
        boolean rebuilding = target != null
                && (segments.isEmpty() || !segments.stream().allMatch(SegmentStatus::caughtUp));
        if (target != null && !rebuilding) {
            rebuildTargets.remove(name);
            progress = 1.0;
        }
        return new ProjectionStatus(name, processor.isRunning(), allCaughtUp && !segments.isEmpty(), rebuilding,
                progress, segments);
    }
}
