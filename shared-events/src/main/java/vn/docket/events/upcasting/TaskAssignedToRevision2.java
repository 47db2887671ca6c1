package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.docket.events.TaskAssigned;

/**
 * TaskAssigned revision 1 had {@code source: {notice, item}}; revision 2 adds {@code source.noticeId},
 * which is null for everything assigned before notices could be registered.
 */
public final class TaskAssignedToRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TaskAssigned.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TaskAssigned.class.getName(), "2"),
                JsonNode.class, payload -> {
                    JsonNode source = payload.get("source");
                    if (source instanceof ObjectNode object && !object.has("noticeId")) {
                        object.putNull("noticeId");
                    }
                    return payload;
                });
    }
}
