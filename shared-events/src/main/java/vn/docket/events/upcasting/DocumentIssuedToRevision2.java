package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.docket.events.DocumentIssued;

/** DocumentIssued revision 1 named the number only; revision 2 adds the file, null for every earlier issuance. */
public final class DocumentIssuedToRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(DocumentIssued.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(DocumentIssued.class.getName(), "2"),
                JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode object) {
                        for (String field : new String[] {"documentName", "documentSha256", "file"}) {
                            if (!object.has(field)) {
                                object.putNull(field);
                            }
                        }
                    }
                    return payload;
                });
    }
}
