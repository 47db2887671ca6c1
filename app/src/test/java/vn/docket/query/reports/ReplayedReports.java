package vn.docket.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.docket.app.StoredEvents;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;

/**
 * The test oracle: follow-up figures as Docket produced them before the timelines, by replaying the whole
 * event store in memory (every event recorded up to the moment, each assignment's events applied up to the
 * period's last day). The report read from {@link TaskTimelineProjection} must give the same figures.
 */
public final class ReplayedReports {

    /** The figures of a report: per unit, and the total. */
    public record Figures(List<FollowUpReport.Row> units, FollowUpReport.Row total) {
    }

    private ReplayedReports() {
    }

    /** Each assignment's events recorded up to a moment, in stream order. */
    public record History(Instant asOf, Map<String, List<AssignmentEvent>> byAssignment) {
    }

    public static History recordedUpTo(EventStore store, Instant asOf) {
        return new History(asOf, read(store, asOf));
    }

    /** The figures of the report for {@code from..to} from {@code history}, judged as {@link FollowUpReports} judges. */
    public static Figures produce(History history, LocalDate from, LocalDate to, String unit, LocalDate today,
                                  TimelinessRule rule) {
        ReportPeriod period = new ReportPeriod(from, to);
        Instant asOf = history.asOf();
        List<TaskHistory> tasks = new ArrayList<>();
        for (List<AssignmentEvent> events : history.byAssignment().values()) {
            TaskHistory task = asAt(events, to);
            if (task != null) {
                tasks.add(task);
            }
        }
        FollowUpReports.Tallied t = FollowUpReports.tally(tasks, period, FollowUpReports.judgedOn(period, asOf, today),
                unit, rule);
        return new Figures(t.units(), t.total());
    }

    private static Map<String, List<AssignmentEvent>> read(EventStore store, Instant asOf) {
        Map<String, List<AssignmentEvent>> byAssignment = new LinkedHashMap<>();
        for (TrackedEventMessage<?> message : StoredEvents.all(store)) {
            if (message.getTimestamp().isAfter(asOf) || !(message instanceof DomainEventMessage<?> domain)) {
                continue;
            }
            if (AssignmentEvent.class.isAssignableFrom(message.getPayloadType())) {
                byAssignment.computeIfAbsent(domain.getAggregateIdentifier(), k -> new ArrayList<>())
                        .add((AssignmentEvent) message.getPayload());
            }
        }
        return byAssignment;
    }

    /** One assignment's events (stream order) applied up to the end of {@code day}, as the replay did. */
    static TaskHistory asAt(List<AssignmentEvent> events, LocalDate day) {
        TaskHistory t = new TaskHistory();
        for (AssignmentEvent event : events) {
            if (event.effectiveDate().isAfter(day)) {
                continue;
            }
            if (event instanceof TaskAssigned e) {
                t.leadUnit = e.leadUnit();
                t.assignedOn = e.effectiveDate();
                t.deadline = e.deadline();
                t.deadlineBeforeExtensions = e.deadline();
            } else if (event instanceof DraftSubmitted e) {
                t.handedInOn = e.effectiveDate();
            } else if (event instanceof RevisionRequested e) {
                t.revisionRounds++;
                t.handedInOn = null;
                if (e.dueDate() != null) {
                    t.deadline = e.dueDate();
                    t.deadlineBeforeExtensions = e.dueDate();
                }
            } else if (event instanceof MeetingConcluded e) {
                t.handedInOn = null;
                if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
                    t.revisionRounds++;
                }
            } else if (event instanceof DraftApproved e) {
                if (e.finalApproval()) {
                    t.approvedOn = e.effectiveDate();
                }
            } else if (event instanceof DeadlineExtended e) {
                t.deadline = e.newDeadline();
            } else if (event instanceof TaskReassigned e) {
                t.leadUnit = e.newLeadUnit();
            } else if (event instanceof TaskCancelled e) {
                t.cancelledOn = e.effectiveDate();
            }
        }
        return t.assignedOn == null ? null : t;
    }
}
