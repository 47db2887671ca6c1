package vn.docket.command.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.web.StateConflict;

/**
 * Makes a command safe to retry: a client that sends the same {@code Idempotency-Key} again gets the first
 * successful answer back and nothing new is written. Keys are scoped to the user, so two users cannot
 * collide. A command that failed wrote nothing, so its key is released and a retry is judged afresh.
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final MongoCollection<Document> keys;
    private final ObjectMapper json;

    public IdempotencyKeys(MongoDatabase database, ObjectMapper json) {
        this.keys = database.getCollection("idempotency_keys");
        this.json = json;
    }

    public ResponseEntity<?> once(String key, Supplier<ResponseEntity<?>> command) {
        if (key == null || key.isBlank()) {
            return command.get();
        }
        if (key.length() > 200) {
            throw new vn.docket.platform.web.RuleBroken("idempotency-key-too-long", "An Idempotency-Key has at most 200 characters.");
        }
        String id = CurrentActor.get().id() + ":" + key;
        Document earlier = keys.find(Filters.eq("_id", id)).first();
        if (earlier == null) {
            try {
                keys.insertOne(new Document("_id", id).append("state", "running").append("at", Instant.now().toString()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                earlier = keys.find(Filters.eq("_id", id)).first();
            }
        }
        if (earlier != null) {
            return replay(earlier);
        }
        try {
            ResponseEntity<?> response = command.get();
            keys.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set("state", "done"),
                    Updates.set("status", response.getStatusCode().value()),
                    Updates.set("body", toJson(response.getBody()))));
            return response;
        } catch (RuntimeException e) {
            keys.deleteOne(Filters.eq("_id", id));
            throw e;
        }
    }

    private ResponseEntity<?> replay(Document earlier) {
        if (!"done".equals(earlier.getString("state"))) {
            throw new StateConflict("request-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment.");
        }
        return ResponseEntity.status(HttpStatus.valueOf(earlier.getInteger("status")))
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(earlier.getString("body"));
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the answer for an idempotent request", e);
        }
    }
}
