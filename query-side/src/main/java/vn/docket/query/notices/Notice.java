package vn.docket.query.notices;

import static vn.docket.query.support.ReadModels.iso;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import vn.docket.query.assignments.AssignmentView;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;
import vn.docket.query.support.ReadModels;

/**
 * A registered notice as the notices projection keeps it and the API shows it: its particulars, and the assignments
 * that cite it. The two are written apart (either may arrive first), so {@link #toDocument()} is the particulars
 * alone and each citing assignment is added on its own ({@link Cited}). The API shows the assignments by item, with
 * their progress, on the notice's own page ({@code itemsWithProgress}).
 */
record Notice(String id, String number, String issuer, String place, LocalDate issuedOn, String issuedMonth,
              LocalDate meetingOn, String chair, Invitation invitation, String signer, String sourceSha256, int items,
              Instant registeredAt, ActorRef registeredBy, boolean numberedLater, @JsonIgnore List<Cited> assignments,
              @JsonInclude(JsonInclude.Include.NON_NULL) List<ItemProgress> itemsWithProgress) implements ReadModel {

    /** Set by the registration only: a notice without it is known only from an assignment that cites it. */
    static final String REGISTERED_AT = "registeredAt";
    static final String ASSIGNMENTS = "assignments";
    /** Given its number after registration ({@code NoticeNumbered}): its assignments cite none. */
    static final String NUMBERED_LATER = "numberedLater";

    static Notice read(Document d) {
        return new Notice(d.getString("_id"), d.getString("number"), d.getString("issuer"), d.getString("place"),
                ReadModels.date(d.get("issuedOn")), d.getString("issuedMonth"), ReadModels.date(d.get("meetingOn")),
                d.getString("chair"), ReadModel.part(d, "invitation", Invitation::read), d.getString("signer"),
                d.getString("sourceSha256"), d.getInteger("items", 0), d.getDate(REGISTERED_AT) == null ? null : d.getDate(REGISTERED_AT).toInstant(),
                ReadModel.part(d, "registeredBy", ActorRef::read), d.getBoolean(NUMBERED_LATER, false),
                ReadModel.parts(d, ASSIGNMENTS, Cited::read), null);
    }

    @Override
    public Document toDocument() {
        return new Document("number", number).append("issuer", issuer).append("place", place).append("issuedOn", iso(issuedOn))
                .append("issuedMonth", issuedMonth).append("meetingOn", iso(meetingOn)).append("chair", chair)
                .append("invitation", ReadModel.write(invitation)).append("signer", signer).append("sourceSha256", sourceSha256)
                .append("items", items).append(REGISTERED_AT, Date.from(registeredAt)).append("registeredBy", ReadModel.write(registeredBy));
    }

    /**
     * The kind of document, read from its number each time it is shown, never stored: a number recorded or corrected
     * later names its type too, and no read model needs rebuilding for it.
     */
    @JsonProperty
    DocumentType documentType() {
        return DocumentType.of(number);
    }

    Notice withProgress(List<ItemProgress> progress) {
        return new Notice(id, number, issuer, place, issuedOn, issuedMonth, meetingOn, chair, invitation, signer, sourceSha256,
                items, registeredAt, registeredBy, numberedLater, assignments, progress);
    }

    /** The invitation to the meeting the notice concludes. */
    record Invitation(String number, LocalDate date) implements ReadModel {
        static Invitation read(Document d) {
            return new Invitation(d.getString("number"), ReadModels.date(d.get("date")));
        }

        @Override
        public Document toDocument() {
            return new Document("number", number).append("date", iso(date));
        }
    }

    /** An assignment that cites the notice: which item, and its parent if it is part of another assignment. */
    record Cited(String assignmentId, Integer item, String parentId) implements ReadModel {
        static Cited read(Document d) {
            return new Cited(d.getString("assignmentId"), d.getInteger("item"), d.getString("parentId"));
        }

        /** The item it cites; 0 for a notice cited without one. */
        int ordinal() {
            return item == null ? 0 : item;
        }

        @Override
        public Document toDocument() {
            return new Document("assignmentId", assignmentId).append("item", item).append("parentId", parentId);
        }
    }

    /** One item of the notice and the assignments made of it, the item's own first. */
    record ItemProgress(int ordinal, List<AssignmentView> assignments) {
    }
}
