package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;

/**
 * RevisionRequested revision 1 had {@code reasons: [text]}; revision 2 numbers them as {@code points} (ids
 * "version.n", as a new request would get), reopens nothing and cites no outside decision.
 */
public final class RevisionRequestedToRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(RevisionRequested.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(RevisionRequested.class.getName(), "2"),
                JsonNode.class, payload -> {
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
                });
    }
}
