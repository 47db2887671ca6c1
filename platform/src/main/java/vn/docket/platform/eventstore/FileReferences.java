package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import com.mongodb.client.MongoDatabase;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftSubmitted;

/**
 * Which stored files the record refers to: the events that carry a file name its SHA-256 in their payload. Read
 * before anything is removed from the file store, so a file a recorded event names is never deleted, even when the
 * request that stored it crashed before marking it kept.
 */
public final class FileReferences {

    /** The events whose payload can name a stored file. */
    static final List<String> FILE_EVENTS = List.of(DraftSubmitted.class.getName(), DocumentIssued.class.getName());

    private static final ObjectMapper JSON = new ObjectMapper();

    private FileReferences() {
    }

    /**
     * The SHA-256 of the stored file {@code event} names (a draft or an issued document handed in as a file), else null:
     * what verify hashes again for it.
     */
    public static String named(Document event) {
        if (!FILE_EVENTS.contains(event.getString(PAYLOAD_TYPE)) || event.getString(PAYLOAD) == null) {
            return null;
        }
        try {
            JsonNode payload = JSON.readTree(event.getString(PAYLOAD));
            JsonNode file = payload.get("file");
            return file == null || file.isNull() || !payload.path("documentSha256").isTextual() ? null
                    : payload.get("documentSha256").asText();
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable payload is verify's to report
        }
    }

    /** Those of {@code sha256s} that some recorded event names (one pass over the file-carrying events). */
    public static Set<String> among(MongoDatabase database, Collection<String> sha256s) {
        Set<String> referenced = new HashSet<>();
        if (sha256s.isEmpty()) {
            return referenced;
        }
        database.getCollection(EventDocuments.EVENTS)
                .find(Filters.in(PAYLOAD_TYPE, FILE_EVENTS)).projection(Projections.include(PAYLOAD))
                .forEach((Document doc) -> {
                    String payload = doc.getString(PAYLOAD);
                    if (payload != null) {
                        sha256s.stream().filter(payload::contains).forEach(referenced::add);
                    }
                });
        return referenced;
    }
}
