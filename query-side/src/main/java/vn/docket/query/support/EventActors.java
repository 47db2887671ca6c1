package vn.docket.query.support;

import org.axonframework.messaging.MetaData;
import org.bson.Document;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;

/** The actor recorded in an event's metadata, as a read-model sub-document {"id","name","unit","role"}. */
public final class EventActors {

    private EventActors() {
    }

    public static Document of(MetaData metaData) {
        Actor a = EventMetadata.actorFrom(metaData);
        return new Document("id", a.id()).append("name", a.name()).append("unit", a.unit()).append("role", a.role().name());
    }
}
