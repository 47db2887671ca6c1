package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;

/** Every upcaster, oldest first; the event store reads stored events through all of them. */
public final class Upcasters {

    private Upcasters() {
    }

    /**
     * DraftSubmitted revision 1 named a document only: revision 2 adds {@code file}. DocumentIssued revision 1 named
     * the number only: revision 2 adds the file's name, SHA-256 and {@code file}. All null for the earlier ones.
     * NoticeRegistered revision 2 holds the notice's particulars as one part. TaskAssigned revision 3 adds
     * {@code requirements}, empty for everything assigned before. DeadlineExtended revision 2 adds
     * {@code reasonFromRequest}, null for the earlier ones: whose words their reason is was not recorded.
     */
    public static List<EventUpcaster> all() {
        return List.of(new NextRevision(TaskAssigned.class, Upcasters::noticeIdInSource),
                new NextRevision(RevisionRequested.class, Upcasters::reasonsAsPoints),
                new NextRevision(DraftSubmitted.class, payload -> withNulls(payload, "file")),
                new NextRevision(DocumentIssued.class, payload -> withNulls(payload, "documentName", "documentSha256", "file")),
                new NextRevision(NoticeRegistered.class, Upcasters::particularsAsOnePart),
                // After TaskAssigned's 1 to 2, so that a revision-1 event goes on to 3.
                new NextRevision(TaskAssigned.class, 2, payload -> {
                    ((ObjectNode) payload).putArray("requirements");
                    return payload;
                }),
                new NextRevision(DeadlineExtended.class, payload -> withNulls(payload, "reasonFromRequest")));
    }

    /**
     * TaskAssigned revision 1 had {@code source: {notice, item}}; revision 2 adds {@code source.noticeId}, which is
     * null for everything assigned before notices could be registered.
     */
    private static JsonNode noticeIdInSource(JsonNode payload) {
        JsonNode source = payload.get("source");
        if (source instanceof ObjectNode object && !object.has("noticeId")) {
            object.putNull("noticeId");
        }
        return payload;
    }

    /**
     * RevisionRequested revision 1 had {@code reasons: [text]}; revision 2 numbers them as {@code points} (ids
     * "version.n", as a new request would get), reopens nothing and cites no outside decision.
     */
    private static JsonNode reasonsAsPoints(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        int version = event.path("version").asInt();
        ArrayNode points = event.putArray("points");
        int number = 0;
        for (JsonNode reason : event.path("reasons")) {
            number++;
            points.addObject().put("id", RevisionPoint.id(version, number)).put("number", number)
                    .put("text", reason.asText());
        }
        event.remove("reasons");
        event.putArray("reopenedPoints");
        event.putNull("decision");
        return event;
    }

    /** The notice's particulars, one by one in NoticeRegistered revision 1, are one {@code notice} part in revision 2. */
    private static JsonNode particularsAsOnePart(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        ObjectNode notice = event.objectNode();
        // Revision 1's fields, as they were stored: fixed, whatever NoticeParticulars becomes later.
        for (String field : List.of("number", "issuer", "place", "issuedOn", "issuedMonth", "meetingOn", "chair",
                "invitation", "signer")) {
            JsonNode value = event.remove(field);
            notice.set(field, value == null ? event.nullNode() : value);
        }
        event.set("notice", notice);
        return event;
    }

    private static JsonNode withNulls(JsonNode payload, String... fields) {
        if (payload instanceof ObjectNode object) {
            for (String field : fields) {
                if (!object.has(field)) {
                    object.putNull(field);
                }
            }
        }
        return payload;
    }
}
