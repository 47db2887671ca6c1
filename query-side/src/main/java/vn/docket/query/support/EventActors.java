package vn.docket.query.support;

import org.axonframework.messaging.MetaData;
import org.bson.Document;

/** The actor as a bare document, for the read models not yet kept as records ({@link ActorRef} is the one codec). */
public final class EventActors {

    private EventActors() {
    }

    public static Document of(MetaData metaData) {
        return ActorRef.of(metaData).toDocument();
    }
}
