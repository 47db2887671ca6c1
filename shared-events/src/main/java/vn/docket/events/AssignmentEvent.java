package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Everything that can happen to one assignment. Who did it, under which command and when it was
 * recorded travel in the message metadata ({@link EventMetadata}) and timestamp, never in the payload.
 * The payload carries the date the fact took effect, which a clerk may back-date.
 */
public sealed interface AssignmentEvent
        permits TaskAssigned, DraftSubmitted, RevisionRequested, DraftApproved, DocumentIssued,
                DeadlineExtended, TaskReassigned, TaskCancelled, MeetingConcluded,
                ReminderSent, DeadlineMissed, ExtensionRequested, ExtensionRejected, ExtensionRequestLapsed,
                RevisionPointsAnswered {

    UUID assignmentId();

    LocalDate effectiveDate();
}
