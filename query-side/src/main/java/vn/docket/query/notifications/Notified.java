package vn.docket.query.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.model.Projections;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;

/**
 * A notification as stored, keyed by the event's id. {@code values} are what its words are made of, by the names
 * the wording's templates use ({@link NotificationWording}); subject and text are the Vietnamese e-mail.
 */
record Notified(String id, String assignmentId, String type, String subject, String text, Document values,
                List<String> audience, ActorRef actor, Date recordedAt, Date notifiedAt, Mail mail) implements ReadModel {

    /** Set on its own once the e-mail is sent or has failed. */
    static final String MAIL = "mail";

    /** What the bell's keys are made of: enough to read for each of many notifications ({@link NotificationFeeds}). */
    static final Bson FEED_KEYS = Projections.include("audience", "recordedAt");

    /** Reads a stored notification, or the part of it a read asked for (the rest is null). */
    static Notified read(Document d) {
        return new Notified(d.getString("_id"), d.getString("assignmentId"), d.getString("type"), d.getString("subject"),
                d.getString("text"), d.get("values", Document.class), d.getList("audience", String.class),
                ReadModel.part(d, "actor", ActorRef::read), d.getDate("recordedAt"), d.getDate("notifiedAt"),
                ReadModel.part(d, MAIL, Mail::read));
    }

    /** Before any e-mail: without {@link #MAIL}, as it always was. */
    @Override
    public Document toDocument() {
        return new Document("_id", id).append("assignmentId", assignmentId).append("type", type).append("subject", subject)
                .append("text", text).append("values", values).append("audience", audience).append("actor", ReadModel.write(actor))
                .append("recordedAt", recordedAt).append("notifiedAt", notifiedAt);
    }

    /** What became of the e-mail: SENT, or FAILED with the error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mail(String state, List<String> to, String error) implements ReadModel {

        static Mail read(Document d) {
            return new Mail(d.getString("state"), d.getList("to", String.class), d.getString("error"));
        }

        @Override
        public Document toDocument() {
            Document d = new Document("state", state).append("to", to);
            return error == null ? d : d.append("error", error);
        }
    }
}
