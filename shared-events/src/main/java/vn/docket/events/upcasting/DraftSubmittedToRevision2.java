package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.docket.events.DraftSubmitted;

/** DraftSubmitted revision 1 named a document only; revision 2 adds {@code file}, null for every earlier draft. */
public final class DraftSubmittedToRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(DraftSubmitted.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(DraftSubmitted.class.getName(), "2"),
                JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode object && !object.has("file")) {
                        object.putNull("file");
                    }
                    return payload;
                });
    }
}
