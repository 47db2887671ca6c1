package vn.docket.query.support;

import org.axonframework.messaging.MetaData;
import org.bson.Document;
import vn.docket.events.EventMetadata;

/** Who did it, as the event's metadata recorded them; a read model keeps it as {"id","name","unit","role"}. */
public record ActorRef(String id, String name, String unit, String role) implements ReadModel {

    public static ActorRef of(MetaData metaData) {
        vn.docket.events.Actor a = EventMetadata.actorFrom(metaData);
        return new ActorRef(a.id(), a.name(), a.unit(), a.role().name());
    }

    public static ActorRef read(Document d) {
        return new ActorRef(d.getString("id"), d.getString("name"), d.getString("unit"), d.getString("role"));
    }

    @Override
    public Document toDocument() {
        return new Document("id", id).append("name", name).append("unit", unit).append("role", role);
    }
}
