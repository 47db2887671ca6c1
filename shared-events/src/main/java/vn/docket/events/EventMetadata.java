package vn.docket.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Keys of the metadata every command and event carries. The actor comes from the authenticated user,
 * never from a request body; the recording time is the message timestamp and is never back-dated.
 */
public final class EventMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_UNIT = "actorUnit";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String COMMAND_ID = "commandId";
    /**
     * The approval levels an administrator granted the actor on top of what their role allows, one per line;
     * absent when none. Recorded on the events, so the record shows on what authority someone approved.
     */
    public static final String ACTOR_LEVELS = "actorLevels";
    /**
     * "true" when the command came with an Idempotency-Key: its command id is then derived from the user, the
     * key and the request, so a retry carries the same id, and the aggregate remembers it to apply it only once.
     */
    public static final String KEYED_REQUEST = "keyedRequest";

    private EventMetadata() {
    }

    public static Map<String, String> of(Actor actor, String commandId) {
        return Map.of(
                ACTOR_ID, actor.id(),
                ACTOR_NAME, actor.name(),
                ACTOR_UNIT, actor.unit() == null ? "" : actor.unit(),
                ACTOR_ROLE, actor.role().name(),
                COMMAND_ID, commandId);
    }

    /** The metadata of a command whose id was derived from an Idempotency-Key (see {@link #KEYED_REQUEST}). */
    public static Map<String, String> keyed(Actor actor, String commandId) {
        Map<String, String> metaData = new HashMap<>(of(actor, commandId));
        metaData.put(KEYED_REQUEST, "true");
        return metaData;
    }

    /** The levels granted to the actor ({@link #ACTOR_LEVELS}); empty when none. */
    public static java.util.List<String> levelsFrom(Map<String, ?> metaData) {
        Object levels = metaData.get(ACTOR_LEVELS);
        return levels == null || levels.toString().isEmpty() ? java.util.List.of()
                : java.util.List.of(levels.toString().split("\n"));
    }

    public static Actor actorFrom(Map<String, ?> metaData) {
        Object role = metaData.get(ACTOR_ROLE);
        Object unit = metaData.get(ACTOR_UNIT);
        return new Actor(
                String.valueOf(metaData.get(ACTOR_ID)),
                String.valueOf(metaData.get(ACTOR_NAME)),
                unit == null || unit.toString().isEmpty() ? null : unit.toString(),
                role == null ? Role.SYSTEM : Role.valueOf(role.toString()));
    }
}
