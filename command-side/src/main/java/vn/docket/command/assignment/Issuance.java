package vn.docket.command.assignment;

import java.time.LocalDate;
import java.util.UUID;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.events.DocumentIssued;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/** What the issuance (ban hành) of the approved document records: its number, and the day, not before the approval. */
final class Issuance {

    private Issuance() {
    }

    /** The document {@code cmd} records as issued, for an assignment whose draft was approved on {@code approvedOn}. */
    static DocumentIssued issued(UUID id, Issue cmd, LocalDate approvedOn) {
        String number = Required.text(cmd.documentNumber(), "document-number-required", "Issuance needs the document's number.");
        LocalDate on = Required.value(cmd.issuedOn(), "issued-on-required", "Issuance needs the date the document was issued.");
        if (on.isBefore(approvedOn)) {
            throw new RuleBroken("issued-before-approval", "The document cannot be issued before it was approved ("
                    + Text.date(approvedOn) + ").").with("approvedOn", approvedOn.toString());
        }
        return new DocumentIssued(id, number, on, cmd.documentName(), cmd.documentSha256(), cmd.file());
    }
}
