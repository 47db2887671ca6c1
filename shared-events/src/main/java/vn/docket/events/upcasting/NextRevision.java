package vn.docket.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Reads an event stored at one revision as the next, {@code change} bringing its JSON to the new shape. */
final class NextRevision extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final UnaryOperator<JsonNode> change;

    NextRevision(Class<?> event, UnaryOperator<JsonNode> change) {
        this(event, 1, change);
    }

    /** From revision {@code from} to {@code from + 1}. */
    NextRevision(Class<?> event, int from, UnaryOperator<JsonNode> change) {
        this.from = new SimpleSerializedType(event.getName(), String.valueOf(from));
        this.to = new SimpleSerializedType(event.getName(), String.valueOf(from + 1));
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, change);
    }
}
