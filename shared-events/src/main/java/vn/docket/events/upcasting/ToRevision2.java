package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Reads an event stored at one revision as the next, {@code change} bringing its JSON to the new shape. */
final class ToRevision2 extends SingleEventUpcaster {

    private final SimpleSerializedType revision1;
    private final SimpleSerializedType revision2;
    private final UnaryOperator<JsonNode> change;

    ToRevision2(Class<?> event, UnaryOperator<JsonNode> change) {
        this(event, 1, change);
    }

    /** From revision {@code from} to {@code from + 1}. */
    ToRevision2(Class<?> event, int from, UnaryOperator<JsonNode> change) {
        this.revision1 = new SimpleSerializedType(event.getName(), String.valueOf(from));
        this.revision2 = new SimpleSerializedType(event.getName(), String.valueOf(from + 1));
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(revision1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(revision2, JsonNode.class, change);
    }
}
